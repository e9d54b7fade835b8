package cairn.bookmark;

import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.db.schema.Tables.BOOKMARK_TAGS;
import static cairn.db.schema.Tables.QUOTES;
import static cairn.db.schema.Tables.TAGS;
import static cairn.db.schema.Tables.USERS;

import cairn.bookmark.Bookmark.Quote;
import cairn.db.schema.tables.records.BookmarksRecord;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Reads bookmarks from the store by primary key. Listings come from the index; this hydrates the
 * rows it names, always in three statements whatever the number of bookmarks.
 */
@Singleton
public class BookmarkQueries {
  private final DSLContext db;

  BookmarkQueries(DSLContext db) {
    this.db = db;
  }

  /** The bookmark with this id, whoever owns it; visibility is the caller's to check. */
  @Connectable
  public Optional<Bookmark> find(long id) {
    List<Bookmark> found = list(List.of(id));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** The bookmark if {@code viewerId} may see it; else not found, never "forbidden". */
  @Connectable
  public Bookmark getVisible(long id, long viewerId) {
    return find(id)
        .filter(b -> b.isVisibleTo(viewerId))
        .map(b -> b.asSeenBy(viewerId))
        .orElseThrow(() -> new BookmarkNotFoundException(id));
  }

  /** The user's own bookmark; anyone else's (or none) is not found, never "forbidden". */
  @Connectable
  public Bookmark getOwn(long id, long userId) {
    return find(id)
        .filter(b -> b.isOwnedBy(userId))
        .orElseThrow(() -> new BookmarkNotFoundException(id));
  }

  /**
   * Throws {@link BookmarkNotFoundException} unless {@code userId} owns the bookmark: the check an
   * action makes before it reads its input, in one small statement instead of a whole bookmark.
   */
  @Connectable
  public void checkOwn(long id, long userId) {
    Long owner =
        db.select(BOOKMARKS.USER_ID)
            .from(BOOKMARKS)
            .where(BOOKMARKS.ID.eq(id))
            .fetchOne(BOOKMARKS.USER_ID);
    if (owner == null || owner != userId) {
      throw new BookmarkNotFoundException(id);
    }
  }

  /** The bookmarks with these ids, in the order of {@code ids}; missing ids are left out. */
  @Connectable
  public List<Bookmark> list(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, Record> rows = new HashMap<>();
    db.select(BOOKMARKS.fields())
        .select(USERS.NAME)
        .from(BOOKMARKS)
        .join(USERS)
        .on(USERS.ID.eq(BOOKMARKS.USER_ID))
        .where(BOOKMARKS.ID.in(ids))
        .forEach(r -> rows.put(r.get(BOOKMARKS.ID), r));
    Map<Long, List<String>> tags = tagsOf(rows.keySet());
    Map<Long, List<Quote>> quotes = quotesOf(rows.keySet());
    List<Bookmark> result = new ArrayList<>(rows.size());
    for (long id : new LinkedHashSet<>(ids)) {
      Record row = rows.get(id);
      if (row != null) {
        result.add(
            toBookmark(
                row.into(BOOKMARKS),
                row.get(USERS.NAME),
                tags.getOrDefault(id, List.of()),
                quotes.getOrDefault(id, List.of())));
      }
    }
    return result;
  }

  /**
   * Up to {@code limit} bookmark ids above {@code afterId}, ascending: for walking the whole store.
   */
  @Connectable
  public List<Long> listIdsAfter(long afterId, int limit) {
    return db.select(BOOKMARKS.ID)
        .from(BOOKMARKS)
        .where(BOOKMARKS.ID.gt(afterId))
        .orderBy(BOOKMARKS.ID)
        .limit(limit)
        .fetch(BOOKMARKS.ID);
  }

  /** The id of the user's bookmark for this normalized URL, if any. */
  @Connectable
  public Optional<Long> findIdByUrl(long userId, UrlKey key) {
    return db.select(BOOKMARKS.ID)
        .from(BOOKMARKS)
        .where(BOOKMARKS.USER_ID.eq(userId).and(BOOKMARKS.URL_KEY.eq(key.value())))
        .fetchOptional(BOOKMARKS.ID);
  }

  private Map<Long, List<String>> tagsOf(Collection<Long> ids) {
    Map<Long, List<String>> tags = new HashMap<>();
    db.select(BOOKMARK_TAGS.BOOKMARK_ID, TAGS.NAME)
        .from(BOOKMARK_TAGS)
        .join(TAGS)
        .on(TAGS.ID.eq(BOOKMARK_TAGS.TAG_ID))
        .where(BOOKMARK_TAGS.BOOKMARK_ID.in(ids))
        .orderBy(BOOKMARK_TAGS.BOOKMARK_ID, BOOKMARK_TAGS.POSITION)
        .forEach(r -> tags.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
    return tags;
  }

  private Map<Long, List<Quote>> quotesOf(Collection<Long> ids) {
    Map<Long, List<Quote>> quotes = new HashMap<>();
    db.selectFrom(QUOTES)
        .where(QUOTES.BOOKMARK_ID.in(ids))
        .orderBy(QUOTES.BOOKMARK_ID, QUOTES.POSITION)
        .forEach(
            q ->
                quotes
                    .computeIfAbsent(q.getBookmarkId(), k -> new ArrayList<>())
                    .add(
                        new Quote(q.getId(), q.getText(), Instant.ofEpochMilli(q.getCreatedAt()))));
    return quotes;
  }

  private static Bookmark toBookmark(
      BookmarksRecord r, String owner, List<String> tags, List<Quote> quotes) {
    return new Bookmark(
        r.getId(),
        r.getUserId(),
        owner,
        r.getUrl(),
        r.getHash(),
        r.getTitle(),
        r.getNotes(),
        quotes,
        tags,
        r.getShared(),
        r.getToread(),
        Instant.ofEpochMilli(r.getCreatedAt()),
        Instant.ofEpochMilli(r.getUpdatedAt()));
  }
}
