package cairn.browse;

import cairn.bookmark.Bookmark;
import cairn.query.TagCount;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * What a URL page shows: the URL's hash and normalized form, a page of everyone's shared saves of
 * it (newest first; its total is how many people shared it), the viewer's own save if they have one
 * (private ones too, for them alone), and the URL's most used public tags.
 *
 * @param saves the shared saves, a listing like any other (the first page when no cursor was given)
 * @param yours the viewer's own save, shared or private, or {@code null}
 * @param cloud the public tags of the shared saves, most used first (at most {@link #CLOUD_SIZE})
 */
public record UrlPage(
    String hash, String url, ListingPage saves, @Nullable Bookmark yours, List<TagCount> cloud) {
  public static final int CLOUD_SIZE = 40;

  /** How many people shared a save of the URL. */
  public long count() {
    return saves.total();
  }
}
