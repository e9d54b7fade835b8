package cairn.bench;

import static cairn.db.schema.Tables.API_TOKENS;
import static cairn.db.schema.Tables.FOLLOWS;
import static cairn.db.schema.Tables.USERS;

import cairn.bench.QuerySets.Sample;
import cairn.bench.QuerySets.User;
import cairn.bench.Scenarios.Get;
import cairn.bench.Scenarios.Item;
import cairn.bench.Scenarios.Scenario;
import cairn.bench.SqlQueries.Ask;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * N1 and N2: {@code /network} of a reader who follows 50 people, through the JSON API ({@code
 * scope=network}: page, total, related tags), plain and narrowed by one tag, next to the plain-SQL
 * way (the same three statements as every listing, over {@code user_id IN (50 ids) AND shared =
 * 1}).
 *
 * <p>The reader and the follows are added to the run's copy of the store before the scenarios run:
 * the 50 people are drawn with a fixed seed from the users that have bookmarks; a dataset with
 * fewer (D10k has one) is topped up with users without bookmarks, so the filter still names 50.
 */
final class NetworkScenarios {
  static final int FOLLOWED = 50;
  private static final String READER = "netreader";
  private static final long SEED = 50_50L;
  private static final int ITEMS = 500;

  private NetworkScenarios() {}

  static List<Scenario> of(Path dataDir, QuerySets q) throws Exception {
    List<Long> followed;
    String token;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("cairn.db"))) {
      c.createStatement().execute("PRAGMA busy_timeout = 10000");
      DSLContext db = DSL.using(c, SQLDialect.SQLITE);
      SplittableRandom random = new SplittableRandom(SEED);
      String hash = db.select(USERS.PASSWORD_HASH).from(USERS).limit(1).fetchOne().value1();
      long reader = user(db, READER, hash, random);
      token = READER + ":" + db.fetchOne(API_TOKENS, API_TOKENS.USER_ID.eq(reader)).getSecret();
      List<Long> candidates =
          new ArrayList<>(
              q.users.values().stream()
                  .filter(u -> u.bookmarks() > 0)
                  .map(User::id)
                  .sorted()
                  .toList());
      Collections.shuffle(candidates, new java.util.Random(SEED));
      followed = new ArrayList<>(candidates.subList(0, Math.min(FOLLOWED, candidates.size())));
      for (int i = 1; followed.size() < FOLLOWED; i++) {
        followed.add(user(db, "netpeer" + i, hash, random));
      }
      db.deleteFrom(FOLLOWS).where(FOLLOWS.FOLLOWER_ID.eq(reader)).execute();
      for (long person : followed) {
        db.insertInto(FOLLOWS, FOLLOWS.FOLLOWER_ID, FOLLOWS.FOLLOWEE_ID, FOLLOWS.CREATED_AT)
            .values(reader, person, Generator.LAST.toEpochMilli())
            .execute();
      }
    }
    String auth = "Bearer " + token;
    Set<Long> people = Set.copyOf(followed);
    int bookmarks =
        followed.stream()
            .mapToInt(id -> q.users.containsKey(id) ? q.users.get(id).bookmarks() : 0)
            .sum();
    List<Scenario> scenarios = new ArrayList<>();
    scenarios.add(
        new Scenario(
            "N1",
            "network of a reader following 50 people ("
                + bookmarks
                + " bookmarks, shared ones listed): page, total, related",
            "JSON API (follower)",
            List.of(item(auth, followed, List.of()))));
    List<Sample> pool =
        q.samples.stream()
            .filter(s -> people.contains(s.ownerId()) && s.shared() && !s.tags().isEmpty())
            .toList();
    if (!pool.isEmpty()) {
      SplittableRandom random = new SplittableRandom(SEED);
      List<Item> items = new ArrayList<>(ITEMS);
      for (int i = 0; i < ITEMS; i++) {
        Sample s = pool.get(i % pool.size());
        items.add(item(auth, followed, Scenarios.pick(s.tags(), 1, random)));
      }
      scenarios.add(
          new Scenario(
              "N2",
              "network of 50 people + 1 tag: page, total, related",
              "JSON API (follower)",
              items));
    }
    return scenarios;
  }

  private static Item item(String auth, List<Long> followed, List<String> tags) {
    String target =
        "/api/v1/bookmarks?scope=network&per_page=20"
            + (tags.isEmpty() ? "" : "&tags=" + Scenarios.enc(String.join(",", tags)));
    String in = followed.stream().map(String::valueOf).collect(Collectors.joining(","));
    StringBuilder matches =
        new StringBuilder("SELECT b.id, b.created_at FROM bookmarks b WHERE b.user_id IN (")
            .append(in)
            .append(") AND b.shared = 1");
    tags.forEach(t -> matches.append(" AND b.id IN (").append(SqlQueries.TAG_IDS).append(')'));
    List<Object> params = List.copyOf(tags);
    Ask ask = new Ask(null, false, tags, "", 20, 0);
    return new Item(new Get(target, auth), sql -> sql.listing(matches.toString(), params, 20), ask);
  }

  /** The user's id, adding the user (with an API token) if the store has none of that name. */
  private static long user(DSLContext db, String name, String hash, SplittableRandom random) {
    var existing = db.fetchOne(USERS, USERS.NAME.eq(name));
    if (existing != null) {
      return existing.getId();
    }
    long now = Generator.LAST.toEpochMilli();
    long id =
        db.insertInto(USERS, USERS.NAME, USERS.PASSWORD_HASH, USERS.CREATED_AT, USERS.FEED_SECRET)
            .values(name, hash, now, hex(random).toLowerCase())
            .returning(USERS.ID)
            .fetchOne(USERS.ID);
    db.insertInto(API_TOKENS, API_TOKENS.USER_ID, API_TOKENS.SECRET, API_TOKENS.CREATED_AT)
        .values(id, hex(random), now)
        .execute();
    return id;
  }

  private static String hex(SplittableRandom random) {
    byte[] bytes = new byte[10];
    random.nextBytes(bytes);
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }
}
