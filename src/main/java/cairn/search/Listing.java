package cairn.search;

import cairn.input.InvalidInputException;
import cairn.tag.TagName;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Set;

/**
 * The one query model every listing goes through: who is looking, whose bookmarks (one user's or
 * everyone's shared ones), which tags must and must not be there, an optional text query, the
 * unread filter, where the page starts and how long it is.
 *
 * @param viewer the signed-in user's id, or {@link #ANONYMOUS}
 * @param owner whose bookmarks; {@code null} for everyone's shared bookmarks
 * @param tags tags every match carries (their keys are matched)
 * @param excluded tags no match carries
 * @param text words and "quoted phrases" to match in title, notes, quotes, URL and tags; may be
 *     empty
 * @param toread {@code true} for unread only, {@code false} for read only, {@code null} for both
 */
public record Listing(
    long viewer,
    @Nullable Long owner,
    List<String> tags,
    List<String> excluded,
    String text,
    @Nullable Boolean toread,
    @Nullable Cursor cursor,
    int perPage) {
  public static final long ANONYMOUS = 0;
  public static final Set<Integer> PAGE_SIZES = Set.of(20, 40, 80, 120, 160);
  public static final int DEFAULT_PAGE_SIZE = 20;
  public static final int MAX_FILTER_TAGS = 32;

  public Listing {
    tags = keys("tags", tags);
    excluded = keys("exclude", excluded);
    text = text == null ? "" : text.strip();
    if (!PAGE_SIZES.contains(perPage)) {
      throw new InvalidInputException(
          "per_page", "must be one of 20, 40, 80, 120, 160; got " + perPage);
    }
  }

  /** Everything of {@code owner} that {@code viewer} may see, newest first. */
  public static Listing of(long viewer, @Nullable Long owner) {
    return new Listing(viewer, owner, List.of(), List.of(), "", null, null, DEFAULT_PAGE_SIZE);
  }

  public Listing withTags(List<String> required) {
    return new Listing(viewer, owner, required, excluded, text, toread, cursor, perPage);
  }

  public Listing withCursor(@Nullable Cursor at) {
    return new Listing(viewer, owner, tags, excluded, text, toread, at, perPage);
  }

  public Listing withPerPage(int size) {
    return new Listing(viewer, owner, tags, excluded, text, toread, cursor, size);
  }

  /** True when the viewer is looking at their own bookmarks, and so sees private ones. */
  public boolean ownView() {
    return owner != null && owner == viewer && viewer != ANONYMOUS;
  }

  private static List<String> keys(String field, List<String> names) {
    if (names == null) {
      return List.of();
    }
    if (names.size() > MAX_FILTER_TAGS) {
      throw new InvalidInputException(field, "at most 32 tags; got " + names.size());
    }
    return names.stream().map(name -> TagName.of(name).key()).distinct().toList();
  }
}
