package cairn.browse;

import cairn.bookmark.Bookmark;
import cairn.query.PopularCursor;
import cairn.query.UrlCount;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A page of popular URLs: each with how many people shared it in the window, and its newest shared
 * save (whose title and URL stand for it), plus the cursors to the pages on either side, if any.
 */
public record Popular(
    PopularWindow window,
    List<Entry> items,
    @Nullable PopularCursor earlier,
    @Nullable PopularCursor later,
    int perPage) {

  /** One popular URL. */
  public record Entry(UrlCount count, Bookmark newest) {}
}
