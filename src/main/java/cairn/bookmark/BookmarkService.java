package cairn.bookmark;

import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.db.schema.Tables.QUOTES;

import cairn.db.schema.tables.records.BookmarksRecord;
import cairn.input.InvalidInputException;
import cairn.journal.ChangeJournal;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Every change to bookmarks: each method is one transaction that also appends to the change
 * journal, so a failure anywhere leaves neither a half-written bookmark nor a journal row behind.
 *
 * <p>Methods take the acting user's id; a bookmark that is not theirs is "not found".
 */
@Singleton
public class BookmarkService {
  private final DSLContext db;
  private final BookmarkQueries queries;
  private final BookmarkTags tags;
  private final ChangeJournal journal;
  private final Clock clock;

  BookmarkService(
      DSLContext db,
      BookmarkQueries queries,
      BookmarkTags tags,
      ChangeJournal journal,
      Clock clock) {
    this.db = db;
    this.queries = queries;
    this.tags = tags;
    this.journal = journal;
    this.clock = clock;
  }

  /** A bookmark as written, and the journal position that carries the write to the index. */
  public record Saved(Bookmark bookmark, long seq, boolean created) {}

  /**
   * Saves a new bookmark. If the user already has the URL it throws {@link
   * DuplicateBookmarkException}, unless {@code replace}: then the existing bookmark takes every
   * field of the draft, keeping its id and, when the draft has no date, its original date.
   */
  @Transactional
  public Saved create(long userId, BookmarkDraft draft, boolean replace) {
    UrlKey key = UrlKey.of(draft.url());
    var existing = queries.findIdByUrl(userId, key);
    if (existing.isPresent() && !replace) {
      throw new DuplicateBookmarkException(existing.get(), draft.url());
    }
    Instant now = clock.instant();
    BookmarksRecord row =
        existing.isPresent()
            ? db.fetchSingle(BOOKMARKS, BOOKMARKS.ID.eq(existing.get()))
            : db.newRecord(BOOKMARKS);
    row.setUserId(userId);
    setUrl(row, draft.url(), key);
    row.setTitle(draft.title());
    row.setNotes(draft.notes());
    row.setShared(draft.shared());
    row.setToread(draft.toread());
    if (draft.created() != null || existing.isEmpty()) {
      row.setCreatedAt((draft.created() != null ? draft.created() : now).toEpochMilli());
    }
    row.setUpdatedAt(now.toEpochMilli());
    row.store();
    replaceQuotes(row.getId(), draft.quotes(), now);
    tags.replace(userId, row.getId(), draft.tags());
    return saved(userId, row.getId(), existing.isEmpty());
  }

  /** Changes the fields the patch gives; a new URL must not be one the user already saved. */
  @Transactional
  public Saved update(long userId, long id, BookmarkPatch patch) {
    BookmarksRecord row = owned(userId, id);
    Instant now = clock.instant();
    if (patch.url() != null) {
      UrlKey key = UrlKey.of(patch.url());
      var other = queries.findIdByUrl(userId, key).filter(found -> found != id);
      if (other.isPresent()) {
        throw new DuplicateBookmarkException(other.get(), patch.url());
      }
      setUrl(row, patch.url(), key);
    }
    if (patch.title() != null) {
      row.setTitle(patch.title());
    }
    if (patch.notes() != null) {
      row.setNotes(patch.notes());
    }
    if (patch.shared() != null) {
      row.setShared(patch.shared());
    }
    if (patch.toread() != null) {
      row.setToread(patch.toread());
    }
    if (patch.created() != null) {
      row.setCreatedAt(patch.created().toEpochMilli());
    }
    row.setUpdatedAt(now.toEpochMilli());
    row.store();
    if (patch.quotes() != null) {
      replaceQuotes(id, patch.quotes(), now);
    }
    if (patch.tags() != null) {
      tags.replace(userId, id, patch.tags());
    }
    return saved(userId, id, false);
  }

  /** Deletes the bookmark with its quotes and tag links; returns the journal position. */
  @Transactional
  public long delete(long userId, long id) {
    BookmarksRecord row = owned(userId, id);
    Set<Long> tagIds = tags.tagIdsOf(id);
    row.delete();
    tags.removeUnused(tagIds);
    return journal.append(userId, id);
  }

  /** Appends a quote after the bookmark's last one. */
  @Transactional
  public Saved addQuote(long userId, long id, String text) {
    String quote = BookmarkDraft.checkQuote("text", text);
    BookmarksRecord row = owned(userId, id);
    var quotes =
        db.select(DSL.count(), DSL.max(QUOTES.POSITION))
            .from(QUOTES)
            .where(QUOTES.BOOKMARK_ID.eq(id))
            .fetchSingle();
    if (quotes.value1() >= BookmarkDraft.MAX_QUOTES) {
      throw new InvalidInputException(
          "text", "a bookmark has at most 100 quotes; remove one first");
    }
    Instant now = clock.instant();
    insertQuote(id, quotes.value2() == null ? 0 : quotes.value2() + 1, quote, now);
    touch(row, now);
    return saved(userId, id, false);
  }

  /** Removes one quote of the bookmark. */
  @Transactional
  public Saved removeQuote(long userId, long id, long quoteId) {
    BookmarksRecord row = owned(userId, id);
    int removed =
        db.deleteFrom(QUOTES).where(QUOTES.ID.eq(quoteId).and(QUOTES.BOOKMARK_ID.eq(id))).execute();
    if (removed == 0) {
      throw new QuoteNotFoundException(id, quoteId);
    }
    touch(row, clock.instant());
    return saved(userId, id, false);
  }

  private BookmarksRecord owned(long userId, long id) {
    BookmarksRecord row = db.fetchOne(BOOKMARKS, BOOKMARKS.ID.eq(id));
    if (row == null || row.getUserId() != userId) {
      throw new BookmarkNotFoundException(id);
    }
    return row;
  }

  private static void setUrl(BookmarksRecord row, String url, UrlKey key) {
    row.setUrl(url);
    row.setUrlKey(key.value());
    row.setHash(PinboardHash.of(url));
  }

  private void touch(BookmarksRecord row, Instant now) {
    row.setUpdatedAt(now.toEpochMilli());
    row.store();
  }

  private void replaceQuotes(long id, List<String> quotes, Instant now) {
    db.deleteFrom(QUOTES).where(QUOTES.BOOKMARK_ID.eq(id)).execute();
    for (int i = 0; i < quotes.size(); i++) {
      insertQuote(id, i, quotes.get(i), now);
    }
  }

  private void insertQuote(long id, long position, String text, Instant now) {
    db.insertInto(QUOTES)
        .set(QUOTES.BOOKMARK_ID, id)
        .set(QUOTES.POSITION, position)
        .set(QUOTES.TEXT, text)
        .set(QUOTES.CREATED_AT, now.toEpochMilli())
        .execute();
  }

  private Saved saved(long userId, long id, boolean created) {
    long seq = journal.append(userId, id);
    Bookmark bookmark =
        queries.find(id).orElseThrow(() -> new IllegalStateException("just written: " + id));
    return new Saved(bookmark, seq, created);
  }
}
