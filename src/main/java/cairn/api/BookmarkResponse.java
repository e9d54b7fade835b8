package cairn.api;

import cairn.bookmark.Bookmark;
import cairn.query.Passage;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * A bookmark as the JSON API shows it; {@code saved_by_others} (how many other people shared the
 * URL) comes with the items of listings, where it is counted for the whole page at once, and with
 * the items of a text search, {@code passage}: why it matched ({@code field}: quote, notes or
 * title; {@code html}: the text escaped, the matched words in {@code <mark>}).
 */
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
    Instant updated,
    @Nullable Integer savedByOthers,
    @Nullable Passage passage) {

  record QuoteResponse(long id, String text, Instant created) {}

  static BookmarkResponse of(Bookmark b) {
    return of(b, null, null);
  }

  static BookmarkResponse of(
      Bookmark b, @Nullable Integer savedByOthers, @Nullable Passage passage) {
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
        b.updated(),
        savedByOthers,
        passage);
  }
}
