package cairn.api;

import cairn.bookmark.Bookmark;
import java.time.Instant;
import java.util.List;

/** A bookmark as the JSON API shows it. */
record BookmarkResponse(
    long id,
    String owner,
    String url,
    String hash,
    String title,
    String notes,
    List<QuoteResponse> quotes,
    List<String> tags,
    boolean shared,
    boolean toread,
    Instant created,
    Instant updated) {

  record QuoteResponse(long id, String text, Instant created) {}

  static BookmarkResponse of(Bookmark b) {
    return new BookmarkResponse(
        b.id(),
        b.owner(),
        b.url(),
        b.hash(),
        b.title(),
        b.notes(),
        b.quotes().stream().map(q -> new QuoteResponse(q.id(), q.text(), q.created())).toList(),
        b.tags(),
        b.shared(),
        b.toread(),
        b.created(),
        b.updated());
  }
}
