package cairn.bookmark;

import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.db.schema.Tables.BOOKMARK_TAGS;
import static cairn.db.schema.Tables.QUOTES;
import static cairn.db.schema.Tables.TAGS;

import cairn.bookmark.BookmarkWriter.Stored;
import cairn.tag.TagName;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Reads bookmarks as the write path needs them, inside its transaction: fields, tags with their
 * keys, and quotes with their positions. Three statements whatever the number of bookmarks.
 */
@Singleton
class BookmarkStateQueries {
  private final DSLContext db;

  BookmarkStateQueries(DSLContext db) {
    this.db = db;
  }

  /** The user's bookmarks among these URL keys, by key. */
  Map<String, Stored> byKeys(long userId, List<String> keys) {
    return read(BOOKMARKS.USER_ID.eq(userId).and(BOOKMARKS.URL_KEY.in(keys)));
  }

  /** The bookmark with this id if {@code userId} owns it. */
  Stored ownedBy(long userId, long id) {
    var found = read(BOOKMARKS.ID.eq(id).and(BOOKMARKS.USER_ID.eq(userId)));
    if (found.isEmpty()) {
      throw new BookmarkNotFoundException(id);
    }
    return found.values().iterator().next();
  }

  private Map<String, Stored> read(Condition which) {
    var rows =
        db.select(
                BOOKMARKS.ID,
                BOOKMARKS.URL_KEY,
                BOOKMARKS.URL,
                BOOKMARKS.TITLE,
                BOOKMARKS.NOTES,
                BOOKMARKS.SHARED,
                BOOKMARKS.TOREAD,
                BOOKMARKS.CREATED_AT)
            .from(BOOKMARKS)
            .where(which)
            .fetch();
    if (rows.isEmpty()) {
      return Map.of();
    }
    List<Long> ids = rows.map(r -> r.get(BOOKMARKS.ID));
    Map<Long, List<TagName>> tags = new HashMap<>();
    db.select(BOOKMARK_TAGS.BOOKMARK_ID, TAGS.NAME, TAGS.TAG_KEY)
        .from(BOOKMARK_TAGS)
        .join(TAGS)
        .on(TAGS.ID.eq(BOOKMARK_TAGS.TAG_ID))
        .where(BOOKMARK_TAGS.BOOKMARK_ID.in(ids))
        .orderBy(BOOKMARK_TAGS.BOOKMARK_ID, BOOKMARK_TAGS.POSITION)
        .forEach(
            r ->
                tags.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                    .add(new TagName(r.value2(), r.value3())));
    Map<Long, List<String>> quotes = new HashMap<>();
    Map<Long, List<Long>> positions = new HashMap<>();
    db.select(QUOTES.BOOKMARK_ID, QUOTES.TEXT, QUOTES.POSITION)
        .from(QUOTES)
        .where(QUOTES.BOOKMARK_ID.in(ids))
        .orderBy(QUOTES.BOOKMARK_ID, QUOTES.POSITION)
        .forEach(
            r -> {
              quotes.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2());
              positions.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value3());
            });
    Map<String, Stored> states = new LinkedHashMap<>();
    for (var r : rows) {
      long id = r.get(BOOKMARKS.ID);
      BookmarkState state =
          new BookmarkState(
              id,
              r.get(BOOKMARKS.URL),
              r.get(BOOKMARKS.TITLE),
              r.get(BOOKMARKS.NOTES),
              quotes.getOrDefault(id, List.of()),
              tags.getOrDefault(id, List.of()),
              r.get(BOOKMARKS.SHARED),
              r.get(BOOKMARKS.TOREAD),
              r.get(BOOKMARKS.CREATED_AT));
      states.put(
          r.get(BOOKMARKS.URL_KEY),
          new Stored(state, r.get(BOOKMARKS.URL_KEY), positions.getOrDefault(id, List.of())));
    }
    return states;
  }
}
