package cairn.bookmark;

import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.db.schema.Tables.QUOTES;

import cairn.journal.ChangeJournal;
import cairn.tag.TagName;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * The one write path for bookmark contents: a single save is a batch of one, an import batch a
 * thousand. Here, and only here, a bookmark gets its URL key and hash, its tags ensured and linked
 * in order, its quotes numbered, and its journal row — all in the caller's transaction, with a
 * fixed number of multi-row statements per batch whatever its size.
 *
 * <p>A stored bookmark's quotes that the new state keeps as they were, in front, keep their rows
 * (and ids); the rest are replaced. Tags are relinked in the new order, and tags no bookmark uses
 * any more are removed.
 */
@Singleton
public class BookmarkWriter {
  /** SQLite takes 32,766 bound values per statement: rows per multi-row insert stay below. */
  static final int BOOKMARK_ROWS = 2000;

  static final int QUOTE_ROWS = 5000;

  private final DSLContext db;
  private final BookmarkStateQueries reads;
  private final BookmarkTags tags;
  private final ChangeJournal journal;
  private final Clock clock;

  BookmarkWriter(
      DSLContext db,
      BookmarkStateQueries reads,
      BookmarkTags tags,
      ChangeJournal journal,
      Clock clock) {
    this.db = db;
    this.reads = reads;
    this.tags = tags;
    this.journal = journal;
    this.clock = clock;
  }

  /** A stored bookmark: its state, its URL key and the positions of its quotes, in order. */
  public record Stored(BookmarkState state, String urlKey, List<Long> quotePositions) {}

  /**
   * One bookmark to write: {@code before} is null for a new one; {@code urlKey} is the key of
   * {@code after.url()} ({@link UrlKey#of}).
   */
  public record Change(@Nullable Stored before, BookmarkState after, String urlKey) {}

  /**
   * What a batch wrote: each change's bookmark id in the order of the changes (0 for a new one
   * whose URL the user already has, which is then left alone), and the journal position of the last
   * row written (0 when nothing was).
   */
  public record Written(List<Long> ids, long seq) {}

  /** The user's bookmarks among these URL keys, by key. */
  @Transactional
  public Map<String, Stored> stored(long userId, List<String> urlKeys) {
    return urlKeys.isEmpty() ? Map.of() : reads.byKeys(userId, urlKeys);
  }

  /** The user's bookmark with this id; someone else's is not found. */
  @Transactional
  public Stored stored(long userId, long id) {
    return reads.ownedBy(userId, id);
  }

  /** Writes the batch, each change with its journal row. */
  @Transactional
  public Written write(long userId, List<Change> changes) {
    long now = clock.millis();
    List<Change> inserts = new ArrayList<>();
    List<Change> updates = new ArrayList<>();
    for (Change c : changes) {
      (c.before() == null ? inserts : updates).add(c);
    }
    Map<String, Long> newIds = insertRows(userId, inserts, now);
    updateRows(updates, now);
    List<Long> ids = new ArrayList<>(changes.size());
    List<BookmarkTags.Link> links = new ArrayList<>();
    List<Long> relinked = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    List<QuoteRow> quotes = new ArrayList<>();
    List<Long> written = new ArrayList<>(changes.size());
    for (Change c : changes) {
      long id = c.before() == null ? newIds.getOrDefault(c.urlKey(), 0L) : c.before().state().id();
      ids.add(id);
      if (id == 0) {
        continue;
      }
      written.add(id);
      planTags(id, c, links, relinked, dropped);
      planQuotes(id, c, quotes);
    }
    tags.relink(userId, relinked, links, dropped);
    insertQuotes(quotes, now);
    return new Written(ids, journal.appendAll(userId, written));
  }

  private Map<String, Long> insertRows(long userId, List<Change> inserts, long now) {
    Map<String, Long> ids = new HashMap<>();
    for (int from = 0; from < inserts.size(); from += BOOKMARK_ROWS) {
      var insert =
          db.insertInto(
              BOOKMARKS,
              BOOKMARKS.USER_ID,
              BOOKMARKS.URL,
              BOOKMARKS.URL_KEY,
              BOOKMARKS.HASH,
              BOOKMARKS.TITLE,
              BOOKMARKS.NOTES,
              BOOKMARKS.SHARED,
              BOOKMARKS.TOREAD,
              BOOKMARKS.CREATED_AT,
              BOOKMARKS.UPDATED_AT);
      for (Change c : inserts.subList(from, Math.min(inserts.size(), from + BOOKMARK_ROWS))) {
        BookmarkState s = c.after();
        insert =
            insert.values(
                userId,
                s.url(),
                c.urlKey(),
                PinboardHash.of(s.url()),
                s.title(),
                s.notes(),
                s.shared(),
                s.toread(),
                s.created(),
                now);
      }
      List<String> keys =
          inserts.subList(from, Math.min(inserts.size(), from + BOOKMARK_ROWS)).stream()
              .map(Change::urlKey)
              .toList();
      // a URL the user already has inserts nothing: a save of one says it is a duplicate; an
      // import batch read the user's bookmarks in this transaction, so it never meets one
      int inserted = insert.onConflictDoNothing().execute();
      if (inserted == 0 && keys.size() == 1) {
        continue;
      }
      if (inserted != keys.size()) {
        throw new IllegalStateException(
            "inserted " + inserted + " of " + keys.size() + " new bookmarks");
      }
      // jOOQ reads SQLite's generated keys one row deep, so the ids are read back by URL key
      db.select(BOOKMARKS.URL_KEY, BOOKMARKS.ID)
          .from(BOOKMARKS)
          .where(BOOKMARKS.USER_ID.eq(userId).and(BOOKMARKS.URL_KEY.in(keys)))
          .forEach(r -> ids.put(r.value1(), r.value2()));
    }
    return ids;
  }

  private void updateRows(List<Change> updates, long now) {
    if (updates.isEmpty()) {
      return;
    }
    if (updates.size() == 1) {
      updateRow(updates.getFirst(), now).execute();
      return;
    }
    db.batch(updates.stream().map(c -> updateRow(c, now)).toList()).execute();
  }

  private Query updateRow(Change c, long now) {
    BookmarkState s = c.after();
    var update = db.update(BOOKMARKS).set(BOOKMARKS.TITLE, s.title());
    if (!s.url().equals(c.before().state().url())) {
      update =
          update
              .set(BOOKMARKS.URL, s.url())
              .set(BOOKMARKS.URL_KEY, c.urlKey())
              .set(BOOKMARKS.HASH, PinboardHash.of(s.url()));
    }
    return update
        .set(BOOKMARKS.NOTES, s.notes())
        .set(BOOKMARKS.SHARED, s.shared())
        .set(BOOKMARKS.TOREAD, s.toread())
        .set(BOOKMARKS.CREATED_AT, s.created())
        .set(BOOKMARKS.UPDATED_AT, now)
        .where(BOOKMARKS.ID.eq(c.before().state().id()));
  }

  private static void planTags(
      long id, Change c, List<BookmarkTags.Link> links, List<Long> relinked, List<String> dropped) {
    var now = c.after().tags();
    if (c.before() != null) {
      var before = c.before().state().tags();
      if (before.equals(now)) {
        return;
      }
      relinked.add(id);
      Set<String> keys = now.stream().map(TagName::key).collect(Collectors.toSet());
      before.stream().map(TagName::key).filter(k -> !keys.contains(k)).forEach(dropped::add);
    }
    for (int i = 0; i < now.size(); i++) {
      links.add(new BookmarkTags.Link(id, now.get(i), i));
    }
  }

  /** A quote to insert for a bookmark at a position among its quotes. */
  private record QuoteRow(long bookmarkId, String text, long position) {}

  /**
   * Plans the quotes: those in front that stay as stored keep their rows; the stored ones after
   * them are deleted now, and the new state's rest go in after the kept ones.
   */
  private void planQuotes(long id, Change c, List<QuoteRow> out) {
    List<String> now = c.after().quotes();
    int kept = 0;
    long next = 0;
    if (c.before() != null) {
      List<String> before = c.before().state().quotes();
      List<Long> positions = c.before().quotePositions();
      while (kept < before.size() && kept < now.size() && before.get(kept).equals(now.get(kept))) {
        kept++;
      }
      if (kept < before.size()) {
        db.deleteFrom(QUOTES)
            .where(QUOTES.BOOKMARK_ID.eq(id).and(QUOTES.POSITION.ge(positions.get(kept))))
            .execute();
      }
      next = kept == 0 ? 0 : positions.get(kept - 1) + 1;
    }
    for (int i = kept; i < now.size(); i++) {
      out.add(new QuoteRow(id, now.get(i), next + i - kept));
    }
  }

  private void insertQuotes(List<QuoteRow> quotes, long now) {
    for (int from = 0; from < quotes.size(); from += QUOTE_ROWS) {
      var insert =
          db.insertInto(
              QUOTES, QUOTES.BOOKMARK_ID, QUOTES.POSITION, QUOTES.TEXT, QUOTES.CREATED_AT);
      for (QuoteRow q : quotes.subList(from, Math.min(quotes.size(), from + QUOTE_ROWS))) {
        insert = insert.values(q.bookmarkId(), q.position(), q.text(), now);
      }
      insert.execute();
    }
  }
}
