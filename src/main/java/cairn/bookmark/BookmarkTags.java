package cairn.bookmark;

import static cairn.db.schema.Tables.BOOKMARK_TAGS;
import static cairn.db.schema.Tables.TAGS;

import cairn.tag.TagList;
import cairn.tag.TagName;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Writes the links between a bookmark and its owner's tags. Runs inside the caller's transaction.
 *
 * <p>A tag row keeps the spelling its user first wrote; a tag no bookmark uses any more is removed,
 * so the tag table never lists what the user no longer has.
 */
@Singleton
class BookmarkTags {
  private final DSLContext db;

  BookmarkTags(DSLContext db) {
    this.db = db;
  }

  void replace(long userId, long bookmarkId, TagList tags) {
    Set<Long> previous = tagIdsOf(bookmarkId);
    db.deleteFrom(BOOKMARK_TAGS).where(BOOKMARK_TAGS.BOOKMARK_ID.eq(bookmarkId)).execute();
    if (!tags.tags().isEmpty()) {
      Map<String, Long> ids = ensureTags(userId, tags.tags());
      var insert =
          db.insertInto(
              BOOKMARK_TAGS,
              BOOKMARK_TAGS.BOOKMARK_ID,
              BOOKMARK_TAGS.TAG_ID,
              BOOKMARK_TAGS.POSITION);
      List<TagName> list = tags.tags();
      for (int i = 0; i < list.size(); i++) {
        insert = insert.values(bookmarkId, ids.get(list.get(i).key()), (long) i);
      }
      insert.execute();
    }
    removeUnused(previous);
  }

  /** Removes tags among {@code tagIds} that no bookmark uses any more. */
  void removeUnused(Set<Long> tagIds) {
    if (tagIds.isEmpty()) {
      return;
    }
    db.deleteFrom(TAGS)
        .where(TAGS.ID.in(tagIds))
        .andNotExists(DSL.selectOne().from(BOOKMARK_TAGS).where(BOOKMARK_TAGS.TAG_ID.eq(TAGS.ID)))
        .execute();
  }

  Set<Long> tagIdsOf(long bookmarkId) {
    return db.select(BOOKMARK_TAGS.TAG_ID)
        .from(BOOKMARK_TAGS)
        .where(BOOKMARK_TAGS.BOOKMARK_ID.eq(bookmarkId))
        .fetchSet(BOOKMARK_TAGS.TAG_ID);
  }

  private Map<String, Long> ensureTags(long userId, List<TagName> tags) {
    var insert = db.insertInto(TAGS, TAGS.USER_ID, TAGS.TAG_KEY, TAGS.NAME);
    for (TagName tag : tags) {
      insert = insert.values(userId, tag.key(), tag.name());
    }
    insert.onConflictDoNothing().execute();
    Map<String, Long> ids = new HashMap<>();
    db.select(TAGS.TAG_KEY, TAGS.ID)
        .from(TAGS)
        .where(
            TAGS.USER_ID.eq(userId).and(TAGS.TAG_KEY.in(tags.stream().map(TagName::key).toList())))
        .forEach(r -> ids.put(r.value1(), r.value2()));
    return ids;
  }
}
