package cairn.api;

import cairn.browse.Popular;
import cairn.query.PopularCursor;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A page of popular URLs as the JSON API shows it: each URL with its hash, how many people shared
 * it in the window, its newest shared save's title, date and owner, and where its page is.
 */
record PopularResponse(
    String window,
    List<Item> items,
    int perPage,
    @JsonInclude(JsonInclude.Include.ALWAYS) String earlier,
    @JsonInclude(JsonInclude.Include.ALWAYS) String later) {

  record Item(
      String hash,
      String url,
      String title,
      int count,
      Instant newest,
      String by,
      String urlInfo) {}

  static PopularResponse of(Popular page) {
    return new PopularResponse(
        page.window().label(),
        page.items().stream()
            .map(
                e ->
                    new Item(
                        e.count().hash(),
                        e.newest().url(),
                        e.newest().title(),
                        e.count().count(),
                        Instant.ofEpochMilli(e.count().newest()),
                        e.newest().owner(),
                        ApiPaths.url(e.count().hash()).toString()))
            .toList(),
        page.perPage(),
        encode(page.earlier()),
        encode(page.later()));
  }

  private static String encode(PopularCursor cursor) {
    return cursor == null ? null : cursor.encode();
  }
}
