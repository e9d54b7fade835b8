package cairn.bookmark;

import static cairn.input.TextLimits.storable;

import cairn.tag.TagList;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * A partial change to a bookmark: every {@code null} field stays as it is. Tags and quotes, when
 * given, replace the whole list.
 */
public record BookmarkPatch(
    @Nullable String url,
    @Nullable String title,
    @Nullable String notes,
    @Nullable List<String> quotes,
    @Nullable TagList tags,
    @Nullable Boolean shared,
    @Nullable Boolean toread,
    @Nullable Instant created) {

  public BookmarkPatch {
    if (url != null) {
      url = UrlKey.clean(url);
      UrlKey.of(url);
    }
    if (title != null) {
      title = storable("title", title).strip();
    }
    if (notes != null) {
      notes = storable("notes", notes);
    }
    if (quotes != null) {
      quotes = BookmarkDraft.checkQuotes(quotes);
    }
    if (created != null) {
      BookmarkDates.check("created", created);
    }
  }
}
