package cairn.api;

import cairn.browse.ListingPage;
import cairn.query.Cursor;
import cairn.query.TagCount;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A listing as the JSON API shows it; cursors are opaque strings to pass back as {@code cursor}.
 */
record ListingResponse(
    List<BookmarkResponse> items,
    long total,
    int perPage,
    List<TagResponse> related,
    @JsonInclude(JsonInclude.Include.ALWAYS) String earlier,
    @JsonInclude(JsonInclude.Include.ALWAYS) String later) {

  record TagResponse(String tag, int count) {
    static List<TagResponse> of(List<TagCount> counts) {
      return counts.stream().map(t -> new TagResponse(t.name(), t.count())).toList();
    }
  }

  static ListingResponse of(ListingPage page) {
    return new ListingResponse(
        page.items().stream()
            .map(b -> BookmarkResponse.of(b, page.savedByOthers(b), page.passage(b)))
            .toList(),
        page.total(),
        page.perPage(),
        TagResponse.of(page.related()),
        encode(page.earlier()),
        encode(page.later()));
  }

  private static String encode(Cursor cursor) {
    return cursor == null ? null : cursor.encode();
  }
}
