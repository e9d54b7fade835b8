package cairn.exchange;

import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.db.schema.Tables.BOOKMARK_TAGS;
import static cairn.db.schema.Tables.QUOTES;
import static cairn.db.schema.Tables.TAGS;

import cairn.exchange.BookmarkMerge.State;
import cairn.tag.TagName;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The reads an import batch needs, inside its transaction: the user's bookmarks for the batch's
 * URLs with their tags and quotes, new bookmarks' ids, and tag ids. A fixed number of statements
 * per batch.
 */
@Singleton
class ImportQueries {
  /** SQLite takes 32,766 bound values per statement; stay well below. */
  private static final int CHUNK = 5000;

  private final DSLContext db;

  ImportQueries(DSLContext db) {
    this.db = db;
  }

  /**
   * The user's bookmarks among these URL keys, by key, and where the next tag and quote of each
   * goes.
   */
  record Existing(
      Map<String, State> states, Map<Long, Long> nextTagPositions, Map<Long, Long> nextQuotes) {
    long nextTagPosition(long id) {
      return nextTagPositions.getOrDefault(id, 0L);
    }

    long nextQuotePosition(long id) {
      return nextQuotes.getOrDefault(id, 0L);
    }
  }

  Existing existing(long userId, Collection<String> keys) {
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
            .where(BOOKMARKS.USER_ID.eq(userId).and(BOOKMARKS.URL_KEY.in(keys)))
            .fetch();
    if (rows.isEmpty()) {
      return new Existing(Map.of(), Map.of(), Map.of());
    }
    List<Long> ids = rows.map(r -> r.get(BOOKMARKS.ID));
    Map<Long, List<TagName>> tags = new HashMap<>();
    Map<Long, Long> nextTag = new HashMap<>();
    db.select(BOOKMARK_TAGS.BOOKMARK_ID, TAGS.NAME, TAGS.TAG_KEY, BOOKMARK_TAGS.POSITION)
        .from(BOOKMARK_TAGS)
        .join(TAGS)
        .on(TAGS.ID.eq(BOOKMARK_TAGS.TAG_ID))
        .where(BOOKMARK_TAGS.BOOKMARK_ID.in(ids))
        .orderBy(BOOKMARK_TAGS.BOOKMARK_ID, BOOKMARK_TAGS.POSITION)
        .forEach(
            r -> {
              tags.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                  .add(new TagName(r.value2(), r.value3()));
              nextTag.merge(r.value1(), r.value4() + 1, Math::max);
            });
    Map<Long, List<String>> quotes = new HashMap<>();
    Map<Long, Long> nextQuote = new HashMap<>();
    db.select(QUOTES.BOOKMARK_ID, QUOTES.TEXT, QUOTES.POSITION)
        .from(QUOTES)
        .where(QUOTES.BOOKMARK_ID.in(ids))
        .orderBy(QUOTES.BOOKMARK_ID, QUOTES.POSITION)
        .forEach(
            r -> {
              quotes.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2());
              nextQuote.merge(r.value1(), r.value3() + 1, Math::max);
            });
    Map<String, State> states = new HashMap<>();
    for (var r : rows) {
      long id = r.get(BOOKMARKS.ID);
      states.put(
          r.get(BOOKMARKS.URL_KEY),
          new State(
              id,
              r.get(BOOKMARKS.URL),
              r.get(BOOKMARKS.TITLE),
              r.get(BOOKMARKS.NOTES),
              quotes.getOrDefault(id, List.of()),
              tags.getOrDefault(id, List.of()),
              r.get(BOOKMARKS.SHARED),
              r.get(BOOKMARKS.TOREAD),
              r.get(BOOKMARKS.CREATED_AT)));
    }
    return new Existing(states, nextTag, nextQuote);
  }

  /** The ids of the user's bookmarks with these URL keys. */
  Map<String, Long> idsByKey(long userId, Collection<String> keys) {
    Map<String, Long> ids = new HashMap<>();
    for (List<String> chunk : chunks(keys)) {
      db.select(BOOKMARKS.URL_KEY, BOOKMARKS.ID)
          .from(BOOKMARKS)
          .where(BOOKMARKS.USER_ID.eq(userId).and(BOOKMARKS.URL_KEY.in(chunk)))
          .forEach(r -> ids.put(r.value1(), r.value2()));
    }
    return ids;
  }

  /** The ids of the user's tags with these keys. */
  Map<String, Long> tagIds(long userId, Collection<String> keys) {
    Map<String, Long> ids = new HashMap<>();
    for (List<String> chunk : chunks(keys)) {
      db.select(TAGS.TAG_KEY, TAGS.ID)
          .from(TAGS)
          .where(TAGS.USER_ID.eq(userId).and(TAGS.TAG_KEY.in(chunk)))
          .forEach(r -> ids.put(r.value1(), r.value2()));
    }
    return ids;
  }

  private static List<List<String>> chunks(Collection<String> values) {
    List<String> all = List.copyOf(values);
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
    }
    return chunks;
  }
}
