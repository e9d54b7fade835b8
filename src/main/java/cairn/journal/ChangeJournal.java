package cairn.journal;

import static cairn.db.schema.Tables.CHANGES;

import jakarta.inject.Singleton;
import java.util.Collection;
import org.jooq.DSLContext;

/**
 * Appends to the change journal (DESIGN.md §3): one row per bookmark a transaction touches.
 *
 * <p>Callers append inside the transaction that changes the bookmarks, so the journal commits or
 * rolls back with the change; the index replays it in {@code seq} order.
 */
@Singleton
public class ChangeJournal {
  private final DSLContext db;

  ChangeJournal(DSLContext db) {
    this.db = db;
  }

  /** Records that {@code bookmarkId} changed (created, edited or deleted); returns its seq. */
  public long append(long bookmarkId) {
    return db.insertInto(CHANGES)
        .set(CHANGES.BOOKMARK_ID, bookmarkId)
        .returning(CHANGES.SEQ)
        .fetchOne(CHANGES.SEQ);
  }

  /** Records a change to each bookmark; returns the last seq written, or 0 for none. */
  public long appendAll(Collection<Long> bookmarkIds) {
    long last = 0;
    for (long id : bookmarkIds) {
      last = append(id);
    }
    return last;
  }
}
