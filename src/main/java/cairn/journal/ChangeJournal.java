package cairn.journal;

import static cairn.db.schema.Tables.CHANGES;
import static cairn.db.schema.Tables.USERS;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
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
  /** Well below SQLite's limit of bound values per statement. */
  private static final int ROWS_PER_INSERT = 5000;

  private final DSLContext db;
  private final Clock clock;
  private final TransactionOperations<Connection> transactions;
  private final RecentWrites recent;

  ChangeJournal(
      DSLContext db,
      Clock clock,
      TransactionOperations<Connection> transactions,
      RecentWrites recent) {
    this.db = db;
    this.clock = clock;
    this.transactions = transactions;
    this.recent = recent;
  }

  /**
   * Records that {@code userId}'s bookmark {@code bookmarkId} changed (created, edited or deleted);
   * returns its seq. Also stamps the user's last-change time (Pinboard's posts/update).
   */
  public long append(long userId, long bookmarkId) {
    stamp(userId);
    return announce(userId, insert(bookmarkId));
  }

  private long insert(long bookmarkId) {
    return db.insertInto(CHANGES)
        .set(CHANGES.BOOKMARK_ID, bookmarkId)
        .returning(CHANGES.SEQ)
        .fetchOne(CHANGES.SEQ);
  }

  private void stamp(long userId) {
    db.update(USERS)
        .set(USERS.BOOKMARKS_CHANGED_AT, clock.millis())
        .where(USERS.ID.eq(userId))
        .execute();
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

  /**
   * Records a change to each of the user's bookmarks; returns the last seq written, or 0 for none.
   * Rows go in with a few multi-row statements (imports and tag renames touch thousands).
   */
  public long appendAll(long userId, Collection<Long> bookmarkIds) {
    if (bookmarkIds.isEmpty()) {
      return 0;
    }
    stamp(userId);
    List<Long> ids = List.copyOf(bookmarkIds);
    long last = 0;
    for (int from = 0; from < ids.size(); from += ROWS_PER_INSERT) {
      var insert = db.insertInto(CHANGES, CHANGES.BOOKMARK_ID);
      for (long id : ids.subList(from, Math.min(ids.size(), from + ROWS_PER_INSERT))) {
        insert = insert.values(id);
      }
      for (long seq : insert.returning(CHANGES.SEQ).fetch(CHANGES.SEQ)) {
        last = Math.max(last, seq);
      }
    }
    return announce(userId, last);
  }

  /** Tells {@link RecentWrites} about the position once (and only if) the transaction commits. */
  private long announce(long userId, long seq) {
    var status = transactions.findTransactionStatus();
    if (status.isPresent()) {
      status
          .get()
          .registerSynchronization(
              new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                  recent.committed(userId, seq);
                }
              });
    } else {
      recent.committed(userId, seq);
    }
    return seq;
  }
}
