package cairn.bookmark;

import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.db.schema.Tables.QUOTES;

import cairn.bookmark.BookmarkWriter.Change;
import cairn.bookmark.BookmarkWriter.Stored;
import cairn.db.schema.tables.records.BookmarksRecord;
import cairn.input.InvalidInputException;
import cairn.journal.ChangeJournal;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Every change to bookmarks: each method is one transaction that also appends to the change
 * journal, so a failure anywhere leaves neither a half-written bookmark nor a journal row behind.
 * Contents are written by {@link BookmarkWriter}, the same path imports take.
 *
 * <p>Methods take the acting user's id; a bookmark that is not theirs is "not found".
 */
@Singleton
public class BookmarkService {
  private final DSLContext db;
  private final BookmarkQueries queries;
  private final BookmarkWriter writer;
  private final BookmarkTags tags;
  private final ChangeJournal journal;
  private final Clock clock;

  BookmarkService(
      DSLContext db,
      BookmarkQueries queries,
      BookmarkWriter writer,
      BookmarkTags tags,
      ChangeJournal journal,
      Clock clock) {
    this.db = db;
    this.queries = queries;
    this.writer = writer;
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
    String key = UrlKey.of(draft.url()).value();
    BookmarkDates.checkNotFuture("created", draft.created(), clock.instant());
    BookmarkState state = BookmarkState.of(draft, clock.millis());
    // the common case, a URL the user does not have yet, costs no read first
    BookmarkWriter.Written written = writer.write(userId, List.of(new Change(null, state, key)));
    long id = written.ids().getFirst();
    if (id != 0) {
      return saved(id, written.seq(), true);
    }
    Stored existing = writer.stored(userId, List.of(key)).get(key);
    if (!replace) {
      throw new DuplicateBookmarkException(existing.state().id(), draft.url());
    }
    BookmarkState before = existing.state();
    BookmarkState after =
        new BookmarkState(
            before.id(),
            state.url(),
            state.title(),
            state.notes(),
            state.quotes(),
            state.tags(),
            state.shared(),
            state.toread(),
            draft.created() != null ? state.created() : before.created());
    return saved(
        before.id(), writer.write(userId, List.of(new Change(existing, after, key))).seq(), false);
  }

  /** Changes the fields the patch gives; a new URL must not be one the user already saved. */
  @Transactional
  public Saved update(long userId, long id, BookmarkPatch patch) {
    BookmarkDates.checkNotFuture("created", patch.created(), clock.instant());
    Stored stored = writer.stored(userId, id);
    BookmarkState s = stored.state();
    String key = stored.urlKey();
    if (patch.url() != null) {
      key = UrlKey.of(patch.url()).value();
      var other = queries.findIdByUrl(userId, new UrlKey(key)).filter(found -> found != id);
      if (other.isPresent()) {
        throw new DuplicateBookmarkException(other.get(), patch.url());
      }
    }
    BookmarkState after =
        new BookmarkState(
            id,
            patch.url() != null ? patch.url() : s.url(),
            patch.title() != null ? patch.title() : s.title(),
            patch.notes() != null ? patch.notes() : s.notes(),
            patch.quotes() != null ? patch.quotes() : s.quotes(),
            patch.tags() != null ? patch.tags().tags() : s.tags(),
            patch.shared() != null ? patch.shared() : s.shared(),
            patch.toread() != null ? patch.toread() : s.toread(),
            patch.created() != null ? patch.created().toEpochMilli() : s.created());
    return saved(id, writer.write(userId, List.of(new Change(stored, after, key))).seq(), false);
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
    Stored stored = writer.stored(userId, id);
    BookmarkState s = stored.state();
    if (s.quotes().size() >= BookmarkDraft.MAX_QUOTES) {
      throw new InvalidInputException(
          "text", "a bookmark has at most 100 quotes; remove one first");
    }
    List<String> quotes = new ArrayList<>(s.quotes());
    quotes.add(quote);
    BookmarkState after =
        new BookmarkState(
            id,
            s.url(),
            s.title(),
            s.notes(),
            quotes,
            s.tags(),
            s.shared(),
            s.toread(),
            s.created());
    return saved(
        id, writer.write(userId, List.of(new Change(stored, after, stored.urlKey()))).seq(), false);
  }

  /**
   * Removes one quote of the bookmark. The rows of the others stay as they are (their ids are what
   * clients remove them by), so this is a delete of its own rather than a new state.
   */
  @Transactional
  public Saved removeQuote(long userId, long id, long quoteId) {
    BookmarksRecord row = owned(userId, id);
    int removed =
        db.deleteFrom(QUOTES).where(QUOTES.ID.eq(quoteId).and(QUOTES.BOOKMARK_ID.eq(id))).execute();
    if (removed == 0) {
      throw new QuoteNotFoundException(id, quoteId);
    }
    row.setUpdatedAt(clock.millis());
    row.store();
    return saved(id, journal.append(userId, id), false);
  }

  private BookmarksRecord owned(long userId, long id) {
    BookmarksRecord row = db.fetchOne(BOOKMARKS, BOOKMARKS.ID.eq(id));
    if (row == null || row.getUserId() != userId) {
      throw new BookmarkNotFoundException(id);
    }
    return row;
  }

  private Saved saved(long id, long seq, boolean created) {
    Bookmark bookmark =
        queries.find(id).orElseThrow(() -> new IllegalStateException("just written: " + id));
    return new Saved(bookmark, seq, created);
  }
}
