package cairn.journal;

import static cairn.db.schema.Tables.CHANGES;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

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

  /** One journal row: bookmark {@code bookmarkId} changed at position {@code seq}. */
  public record Change(long seq, long bookmarkId) {}

  /** Up to {@code limit} rows after {@code seq}, in order. */
  @Connectable
  public List<Change> readAfter(long seq, int limit) {
    return db.select(CHANGES.SEQ, CHANGES.BOOKMARK_ID)
        .from(CHANGES)
        .where(CHANGES.SEQ.gt(seq))
        .orderBy(CHANGES.SEQ)
        .limit(limit)
        .fetch(r -> new Change(r.value1(), r.value2()));
  }

  /** The last position written, or 0 for an empty journal. */
  @Connectable
  public long lastSeq() {
    Long last = db.select(DSL.max(CHANGES.SEQ)).from(CHANGES).fetchOne(0, Long.class);
    return last == null ? 0 : last;
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
