package cairn.api;

import cairn.browse.UrlPage;
import cairn.query.Cursor;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A URL's page as the JSON API shows it: its hash and normalized URL, how many people shared it,
 * its most used public tags, the caller's own save (private ones too) and a page of everyone's
 * shared saves with cursors.
 */
record UrlResponse(
    String hash,
    String url,
    long count,
    List<ListingResponse.TagResponse> tags,
    @JsonInclude(JsonInclude.Include.ALWAYS) BookmarkResponse yours,
    List<BookmarkResponse> items,
    int perPage,
    @JsonInclude(JsonInclude.Include.ALWAYS) String earlier,
    @JsonInclude(JsonInclude.Include.ALWAYS) String later) {

  static UrlResponse of(UrlPage page) {
    var saves = page.saves();
    return new UrlResponse(
        page.hash(),
        page.url(),
        page.count(),
        ListingResponse.TagResponse.of(page.cloud()),
        page.yours() == null ? null : BookmarkResponse.of(page.yours()),
        saves.items().stream()
            .map(b -> BookmarkResponse.of(b, saves.savedByOthers(b), saves.passage(b)))
            .toList(),
        saves.perPage(),
        encode(saves.earlier()),
        encode(saves.later()));
  }

  private static String encode(Cursor cursor) {
    return cursor == null ? null : cursor.encode();
  }
}
