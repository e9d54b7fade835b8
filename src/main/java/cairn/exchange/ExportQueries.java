package cairn.exchange;

import static cairn.db.schema.Tables.BOOKMARKS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Walks one user's bookmarks in the store, newest first (created, then id, descending), a page of
 * ids at a time, each page its own short read so an export never holds a connection while it
 * writes.
 */
@Singleton
class ExportQueries {
  private final DSLContext db;

  ExportQueries(DSLContext db) {
    this.db = db;
  }

  /** Where a page ended: the next page starts after this bookmark. */
  record Position(long created, long id) {}

  /** Up to {@code limit} ids of the user's bookmarks after {@code after} (null: from the start). */
  @Connectable
  List<Position> page(long userId, @Nullable Position after, int limit) {
    var where = BOOKMARKS.USER_ID.eq(userId);
    if (after != null) {
      where =
          where.and(DSL.row(BOOKMARKS.CREATED_AT, BOOKMARKS.ID).lt(after.created(), after.id()));
    }
    return db.select(BOOKMARKS.CREATED_AT, BOOKMARKS.ID)
        .from(BOOKMARKS)
        .where(where)
        .orderBy(BOOKMARKS.CREATED_AT.desc(), BOOKMARKS.ID.desc())
        .limit(limit)
        .fetch(r -> new Position(r.value1(), r.value2()));
  }
}
