package cairn.bookmark;

import static cairn.db.schema.Tables.BOOKMARK_TAGS;
import static cairn.db.schema.Tables.TAGS;

import cairn.tag.TagName;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Writes the links between bookmarks and their owner's tags. Runs inside the caller's transaction,
 * with multi-row statements for any number of bookmarks.
 *
 * <p>A tag row keeps the spelling its user first wrote; a tag no bookmark uses any more is removed,
 * so the tag table never lists what the user no longer has.
 */
@Singleton
class BookmarkTags {
  /** Rows per multi-row statement: SQLite takes 32,766 bound values per statement. */
  private static final int ROWS = 5000;

  /** A tag to link to a bookmark, at a position among its tags. */
  record Link(long bookmarkId, TagName tag, long position) {}

  private final DSLContext db;

  BookmarkTags(DSLContext db) {
    this.db = db;
  }

  /**
   * Drops the links of the {@code relinked} bookmarks, writes {@code links} (ensuring their tags),
   * and removes those of the {@code dropped} tag keys that no bookmark uses any more.
   */
  void relink(long userId, List<Long> relinked, List<Link> links, List<String> dropped) {
    for (List<Long> chunk : chunks(relinked)) {
      db.deleteFrom(BOOKMARK_TAGS).where(BOOKMARK_TAGS.BOOKMARK_ID.in(chunk)).execute();
    }
    if (!links.isEmpty()) {
      Map<String, TagName> byKey = new LinkedHashMap<>();
      links.forEach(l -> byKey.putIfAbsent(l.tag().key(), l.tag()));
      Map<String, Long> ids = ensure(userId, byKey.values());
      for (List<Link> chunk : chunks(links)) {
        var insert =
            db.insertInto(
                BOOKMARK_TAGS,
                BOOKMARK_TAGS.BOOKMARK_ID,
                BOOKMARK_TAGS.TAG_ID,
                BOOKMARK_TAGS.POSITION);
        for (Link l : chunk) {
          insert = insert.values(l.bookmarkId(), ids.get(l.tag().key()), l.position());
        }
        insert.execute();
      }
    }
    for (List<String> chunk : chunks(dropped)) {
      removeUnused(TAGS.USER_ID.eq(userId).and(TAGS.TAG_KEY.in(chunk)));
    }
  }

  /** Removes tags among {@code tagIds} that no bookmark uses any more. */
  void removeUnused(Set<Long> tagIds) {
    if (!tagIds.isEmpty()) {
      removeUnused(TAGS.ID.in(tagIds));
    }
  }

  private void removeUnused(Condition which) {
    db.deleteFrom(TAGS)
        .where(which)
        .andNotExists(DSL.selectOne().from(BOOKMARK_TAGS).where(BOOKMARK_TAGS.TAG_ID.eq(TAGS.ID)))
        .execute();
  }

  Set<Long> tagIdsOf(long bookmarkId) {
    return db.select(BOOKMARK_TAGS.TAG_ID)
        .from(BOOKMARK_TAGS)
        .where(BOOKMARK_TAGS.BOOKMARK_ID.eq(bookmarkId))
        .fetchSet(BOOKMARK_TAGS.TAG_ID);
  }

  /** The ids of the user's tags, creating those not there yet. */
  private Map<String, Long> ensure(long userId, Collection<TagName> tags) {
    Map<String, Long> ids = new HashMap<>();
    for (List<TagName> chunk : chunks(tags)) {
      var insert = db.insertInto(TAGS, TAGS.USER_ID, TAGS.TAG_KEY, TAGS.NAME);
      for (TagName tag : chunk) {
        insert = insert.values(userId, tag.key(), tag.name());
      }
      insert.onConflictDoNothing().execute();
      db.select(TAGS.TAG_KEY, TAGS.ID)
          .from(TAGS)
          .where(
              TAGS.USER_ID
                  .eq(userId)
                  .and(TAGS.TAG_KEY.in(chunk.stream().map(TagName::key).toList())))
          .forEach(r -> ids.put(r.value1(), r.value2()));
    }
    return ids;
  }

  private static <T> List<List<T>> chunks(Collection<T> values) {
    List<T> all = values instanceof List<T> list ? list : new ArrayList<>(values);
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += ROWS) {
      chunks.add(all.subList(from, Math.min(all.size(), from + ROWS)));
    }
    return chunks;
  }
}
