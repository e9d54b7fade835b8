package cairn.bench;

import cairn.bench.QuerySets.Sample;
import cairn.bench.QuerySets.User;
import cairn.bench.SqlQueries.Ask;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The read scenarios of BENCHMARKS.md as query sets: each item is one request to Cairn and the same
 * question to the plain-SQL design. B1–B4 and B10 go to the HTML pages or to the JSON API (one
 * switch, {@link Surface}); pages are asked anonymously (public bookmarks), the API as the owner.
 */
final class Scenarios {
  /** Which surface answers the listing scenarios. */
  enum Surface {
    API,
    PAGES
  }

  /** A GET with its {@code Authorization} header (null: anonymous). */
  record Get(String target, String auth) {}

  /** The plain-SQL side of an item. */
  interface SqlAsk {
    void run(SqlQueries q) throws SQLException;
  }

  record Item(Get http, SqlAsk sql, Ask ask) {}

  /** One scenario: its BENCHMARKS.md id, what it asks, on which surface, and its query set. */
  record Scenario(String id, String title, String surface, List<Item> items, long maxRequests) {
    Scenario(String id, String title, String surface, List<Item> items) {
      this(id, title, surface, items, Long.MAX_VALUE);
    }
  }

  static final int[] PER_PAGE = {20, 40, 80, 120, 160};
  private static final int ITEMS = 500;

  private final QuerySets q;
  private final Surface surface;
  private final boolean multiUser;

  Scenarios(QuerySets q, Surface surface) {
    this.q = q;
    this.surface = surface;
    this.multiUser = q.users.size() > 1;
  }

  private boolean pages() {
    return surface == Surface.PAGES;
  }

  String listingSurface() {
    return pages() ? "HTML page (anonymous)" : "JSON API (owner)";
  }

  List<Scenario> reads() {
    List<Scenario> all = new ArrayList<>();
    all.add(
        new Scenario("B1", "user page, per_page 20–160, with tag cloud", listingSurface(), b1()));
    all.add(new Scenario("B2", "user + 2–3 tags: page, total, related", listingSurface(), b2()));
    all.add(new Scenario("B3", "everyone's public, 2 tags", listingSurface(), b3()));
    all.add(new Scenario("B4", userTopTitle(), listingSurface(), List.of(b4User())));
    if (multiUser) {
      all.add(new Scenario("B4g", globalTopTitle(), listingSurface(), List.of(b4Global())));
    }
    all.add(
        new Scenario(
            "B5", "full text 1–3 title words, ⅓ with a tag, by date", "JSON API (owner)", b5()));
    all.add(new Scenario("B6r", "Pinboard posts/recent", "Pinboard API JSON", b6Recent()));
    all.add(
        new Scenario("B6a", "Pinboard posts/all?start&results=100", "Pinboard API JSON", b6All()));
    all.add(new Scenario("B6g", "Pinboard posts/get?tag=A+B", "Pinboard API JSON", b6Get()));
    all.add(
        new Scenario(
            "B6f",
            "Pinboard posts/all, whole account of "
                + q.topUser.name()
                + " ("
                + q.topUser.bookmarks()
                + ")",
            "Pinboard API JSON",
            List.of(b6Full()),
            multiUser ? 10 : 50));
    all.addAll(FeedScenarios.reads(q));
    return all;
  }

  String userTopTitle() {
    return "most frequent tag of "
        + q.topUser.name()
        + " ('"
        + q.topUserTag
        + "', "
        + q.topUserTagCount
        + ") + related";
  }

  String globalTopTitle() {
    return "everyone's most frequent tag ('"
        + q.topTag
        + "', "
        + q.topTagShared
        + " public) + related";
  }

  private List<Item> b1() {
    return items(
        s -> true,
        (s, r) -> {
          User u = q.owner(s);
          int perPage = PER_PAGE[r.nextInt(PER_PAGE.length)];
          return listing(u, List.of(), perPage);
        });
  }

  private List<Item> b2() {
    return items(
        s -> s.tags().size() >= 2,
        (s, r) -> listing(q.owner(s), pick(s.tags(), r.nextInt(3) == 0 ? 3 : 2, r), 20));
  }

  private List<Item> b3() {
    return items(s -> s.shared() && s.tags().size() >= 2, (s, r) -> everyone(pick(s.tags(), 2, r)));
  }

  Item b4User() {
    return listing(q.topUser, List.of(q.topUserTag), 20);
  }

  private Item b4Global() {
    return everyone(List.of(q.topTag));
  }

  private Item listing(User u, List<String> tags, int perPage) {
    Ask ask = new Ask(u.id(), !pages(), tags, "", perPage, 0);
    String target;
    if (pages()) {
      StringBuilder path = new StringBuilder("/u:").append(u.name());
      tags.forEach(t -> path.append("/t:").append(enc(t)));
      target = path + (perPage == 20 ? "" : "?per_page=" + perPage);
      return new Item(new Get(target, null), sql -> sql.listing(ask), ask);
    }
    target = "/api/v1/bookmarks?user=" + u.name() + tagsParam(tags) + "&per_page=" + perPage;
    return new Item(new Get(target, bearer(u)), sql -> sql.listing(ask), ask);
  }

  private Item everyone(List<String> tags) {
    Ask ask = new Ask(null, false, tags, "", 20, 0);
    if (pages()) {
      StringBuilder path = new StringBuilder();
      tags.forEach(t -> path.append("/t:").append(enc(t)));
      return new Item(new Get(path.toString(), null), sql -> sql.listing(ask), ask);
    }
    return new Item(
        new Get("/api/v1/bookmarks?scope=everyone" + tagsParam(tags), bearer(q.topUser)),
        sql -> sql.listing(ask),
        ask);
  }

  private List<Item> b5() {
    return items(
        s -> !s.words().isEmpty(),
        (s, r) -> {
          User u = q.owner(s);
          List<String> words = pick(s.words(), 1 + r.nextInt(3), r);
          List<String> tags =
              r.nextInt(3) == 0 && !s.tags().isEmpty() ? pick(s.tags(), 1, r) : List.of();
          String text = String.join(" ", words);
          Ask ask = new Ask(u.id(), true, tags, text, 20, 0);
          String target =
              "/api/v1/bookmarks?user=" + u.name() + "&q=" + enc(text) + tagsParam(tags);
          return new Item(new Get(target, bearer(u)), sql -> sql.listing(ask), ask);
        });
  }

  private List<Item> b6Recent() {
    return items(
        s -> true,
        (s, r) -> {
          User u = q.owner(s);
          Ask ask = new Ask(u.id(), true, List.of(), "", 15, 0);
          return new Item(
              new Get("/v1/posts/recent?format=json&auth_token=" + u.token(), null),
              sql -> sql.page(ask),
              ask);
        });
  }

  private List<Item> b6All() {
    return items(
        s -> true,
        (s, r) -> {
          User u = q.owner(s);
          int start = r.nextInt(Math.max(1, Math.min(1000, u.bookmarks() - 100)));
          Ask ask = new Ask(u.id(), true, List.of(), "", 100, start);
          String target =
              "/v1/posts/all?format=json&start=" + start + "&results=100&auth_token=" + u.token();
          return new Item(new Get(target, null), sql -> sql.page(ask), ask);
        });
  }

  private List<Item> b6Get() {
    return items(
        s -> s.tags().size() >= 2,
        (s, r) -> {
          User u = q.owner(s);
          List<String> tags = pick(s.tags(), 2, r);
          Ask ask = new Ask(u.id(), true, tags, "", 0, 0);
          String target =
              "/v1/posts/get?format=json&tag="
                  + enc(String.join(" ", tags))
                  + "&auth_token="
                  + u.token();
          return new Item(new Get(target, null), sql -> sql.newestDay(ask), ask);
        });
  }

  private Item b6Full() {
    User u = q.topUser;
    Ask ask = new Ask(u.id(), true, List.of(), "", Integer.MAX_VALUE, 0);
    return new Item(
        new Get("/v1/posts/all?format=json&auth_token=" + u.token(), null),
        sql -> sql.page(ask),
        ask);
  }

  /** Query-set items from samples that qualify, deterministic for a given sample list. */
  private List<Item> items(Predicate<Sample> fits, ItemMaker make) {
    SplittableRandom random = new SplittableRandom(ITEMS);
    List<Sample> pool = q.samples.stream().filter(fits).toList();
    List<Item> items = new ArrayList<>(ITEMS);
    for (int i = 0; i < ITEMS && !pool.isEmpty(); i++) {
      items.add(make.make(pool.get(i % pool.size()), random));
    }
    return items;
  }

  private interface ItemMaker {
    Item make(Sample s, SplittableRandom random);
  }

  static List<String> pick(List<String> from, int n, SplittableRandom random) {
    List<String> pool = new ArrayList<>(new java.util.LinkedHashSet<>(from));
    List<String> chosen = new ArrayList<>();
    while (chosen.size() < n && !pool.isEmpty()) {
      chosen.add(pool.remove(random.nextInt(pool.size())));
    }
    return chosen;
  }

  static String bearer(User u) {
    return "Bearer " + u.token();
  }

  private static String tagsParam(List<String> tags) {
    return tags.isEmpty() ? "" : "&tags=" + enc(String.join(",", tags));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
