package cairn.bench;

import static cairn.db.schema.Tables.API_TOKENS;
import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.db.schema.Tables.BOOKMARK_TAGS;
import static cairn.db.schema.Tables.TAGS;
import static cairn.db.schema.Tables.USERS;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * What the queries ask, sampled from the store itself: random existing bookmarks (uniform over
 * bookmarks, so active users and head tags come up as often as real traffic would bring them),
 * their owners' API tokens, and the most frequent tag of the most active user and of everyone.
 * Works on any store, loaded or imported.
 */
final class QuerySets {
  /** One sampled bookmark: whose, whether shared, its tags in order, the words of its title. */
  record Sample(
      long id, long ownerId, String owner, boolean shared, List<String> tags, List<String> words) {}

  /** A user's id, name, API token and bookmark count. */
  record User(long id, String name, String token, int bookmarks) {}

  final List<Sample> samples;
  final Map<Long, User> users;
  final User topUser;
  final String topUserTag;
  final int topUserTagCount;
  final String topTag;
  final int topTagCount;
  final int topTagShared;

  private QuerySets(
      List<Sample> samples,
      Map<Long, User> users,
      User topUser,
      String topUserTag,
      int topUserTagCount,
      String topTag,
      int topTagCount,
      int topTagShared) {
    this.samples = samples;
    this.users = users;
    this.topUser = topUser;
    this.topUserTag = topUserTag;
    this.topUserTagCount = topUserTagCount;
    this.topTag = topTag;
    this.topTagCount = topTagCount;
    this.topTagShared = topTagShared;
  }

  static QuerySets sample(Path dataDir, int count, long seed) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("cairn.db"))) {
      DSLContext db = DSL.using(c, SQLDialect.SQLITE);
      Map<Long, User> users = users(db);
      User top =
          users.values().stream()
              .max((a, b) -> Integer.compare(a.bookmarks, b.bookmarks))
              .orElseThrow();
      var userTag =
          db.select(TAGS.NAME, DSL.count())
              .from(BOOKMARK_TAGS)
              .join(TAGS)
              .on(TAGS.ID.eq(BOOKMARK_TAGS.TAG_ID))
              .where(TAGS.USER_ID.eq(top.id))
              .groupBy(TAGS.ID)
              .orderBy(DSL.count().desc())
              .limit(1)
              .fetchOne();
      var tagCounts =
          db.select(TAGS.TAG_KEY, DSL.count(), DSL.sum(BOOKMARKS.SHARED.cast(Integer.class)))
              .from(BOOKMARK_TAGS)
              .join(TAGS)
              .on(TAGS.ID.eq(BOOKMARK_TAGS.TAG_ID))
              .join(BOOKMARKS)
              .on(BOOKMARKS.ID.eq(BOOKMARK_TAGS.BOOKMARK_ID))
              .groupBy(TAGS.TAG_KEY)
              .orderBy(DSL.count().desc())
              .limit(1)
              .fetchOne();
      return new QuerySets(
          bookmarks(db, users, count, seed),
          users,
          top,
          userTag.value1(),
          userTag.value2(),
          tagCounts.value1(),
          tagCounts.value2(),
          tagCounts.value3().intValue());
    }
  }

  private static Map<Long, User> users(DSLContext db) {
    Map<Long, Integer> counts = new HashMap<>();
    db.select(BOOKMARKS.USER_ID, DSL.count())
        .from(BOOKMARKS)
        .groupBy(BOOKMARKS.USER_ID)
        .forEach(r -> counts.put(r.value1(), r.value2()));
    Map<Long, User> users = new HashMap<>();
    db.select(USERS.ID, USERS.NAME, API_TOKENS.SECRET)
        .from(USERS)
        .join(API_TOKENS)
        .on(API_TOKENS.USER_ID.eq(USERS.ID))
        .forEach(
            r ->
                users.put(
                    r.value1(),
                    new User(
                        r.value1(),
                        r.value2(),
                        r.value2() + ":" + r.value3(),
                        counts.getOrDefault(r.value1(), 0))));
    return users;
  }

  private static List<Sample> bookmarks(
      DSLContext db, Map<Long, User> users, int count, long seed) {
    long maxId = db.select(DSL.max(BOOKMARKS.ID)).from(BOOKMARKS).fetchOne().value1();
    SplittableRandom random = new SplittableRandom(seed);
    Set<Long> ids = new LinkedHashSet<>();
    while (ids.size() < Math.min(count, maxId)) {
      ids.add(1 + random.nextLong(maxId));
    }
    Map<Long, List<String>> tags = new HashMap<>();
    db.select(BOOKMARK_TAGS.BOOKMARK_ID, TAGS.NAME)
        .from(BOOKMARK_TAGS)
        .join(TAGS)
        .on(TAGS.ID.eq(BOOKMARK_TAGS.TAG_ID))
        .where(BOOKMARK_TAGS.BOOKMARK_ID.in(ids))
        .orderBy(BOOKMARK_TAGS.BOOKMARK_ID, BOOKMARK_TAGS.POSITION)
        .forEach(r -> tags.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
    List<Sample> samples = new ArrayList<>();
    db.select(BOOKMARKS.ID, BOOKMARKS.USER_ID, BOOKMARKS.SHARED, BOOKMARKS.TITLE)
        .from(BOOKMARKS)
        .where(BOOKMARKS.ID.in(ids))
        .orderBy(BOOKMARKS.ID)
        .forEach(
            r ->
                samples.add(
                    new Sample(
                        r.value1(),
                        r.value2(),
                        users.get(r.value2()).name(),
                        r.value3(),
                        tags.getOrDefault(r.value1(), List.of()),
                        List.of(r.value4().toLowerCase(java.util.Locale.ROOT).split("\\s+")))));
    return samples;
  }

  User owner(Sample s) {
    return users.get(s.ownerId());
  }
}
