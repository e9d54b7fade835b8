package cairn.bench;

import cairn.bench.QuerySets.Sample;
import cairn.bench.Scenarios.Get;
import cairn.bench.Scenarios.Item;
import cairn.bench.Scenarios.Scenario;
import cairn.bench.Scenarios.Surface;
import cairn.bench.SqlQueries.Ask;
import cairn.bookmark.UrlKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The social scenarios of issue 13: a URL page (U1), a listing page with its "saved by N others"
 * (U2), popular over 7 days (P1) and all time (P2), each beside the plain-SQL way of answering it:
 * the URL's shared saves by an index on {@code url}, "saved by" as one {@code GROUP BY url} over
 * the page's URLs, popular as a {@code GROUP BY url} over the window's shared saves.
 */
final class SocialScenarios {
  private static final int ITEMS = 500;
  private static final int[] PER_PAGE = Scenarios.PER_PAGE;

  private final QuerySets q;
  private final Surface surface;
  private final List<String> urls;

  /** Reads the sampled bookmarks' URLs from the run's store and indexes {@code url} in SQL's. */
  SocialScenarios(QuerySets q, Path run, Surface surface) throws SQLException {
    this.q = q;
    this.surface = surface;
    this.urls = sharedUrls(run.resolve("data").resolve("cairn.db"), q.samples);
    try (Connection c = DriverManager.getConnection(SqlDesign.url(run.resolve("sql.db")));
        Statement s = c.createStatement()) {
      // what a plain design would have for URL pages; built once, outside the measurement
      s.execute("CREATE INDEX IF NOT EXISTS bookmarks_url ON bookmarks (url, shared)");
    }
  }

  List<Scenario> reads() {
    String on = surface == Surface.PAGES ? "HTML page (anonymous)" : "JSON API";
    return List.of(
        new Scenario("U1", "URL page: shared saves, count, tag cloud", on, urlPages()),
        new Scenario("U2", "everyone's listing, per_page 20–160, with saved by N", on, savedBy()),
        new Scenario("P1", "popular, 7 days", on, List.of(popular("7d", Duration.ofDays(7)))),
        new Scenario("P2", "popular, all time", on, List.of(popular("all", null))));
  }

  private List<Item> urlPages() {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < ITEMS && !urls.isEmpty(); i++) {
      String url = urls.get(i % urls.size());
      String hash = UrlKey.of(url).hash();
      String target = pages() ? "/url:" + hash : "/api/v1/urls/" + hash;
      Ask ask = new Ask(null, false, List.of(), "", 20, 0);
      String with =
          "WITH m AS (SELECT b.id, b.created_at FROM bookmarks b WHERE b.url = ?"
              + " AND b.shared = 1) ";
      items.add(
          new Item(
              new Get(target, auth()),
              sql -> {
                sql.query(
                    with
                        + "SELECT b.id, b.url, b.title, b.notes, b.created_at, b.user_id"
                        + " FROM m JOIN bookmarks b ON b.id = m.id"
                        + " ORDER BY m.created_at DESC, m.id DESC LIMIT 20",
                    url);
                sql.query(with + "SELECT count(*) FROM m", url);
                sql.query(
                    with
                        + "SELECT t.name, count(*) c FROM m JOIN bookmark_tags bt"
                        + " ON bt.bookmark_id = m.id JOIN tags t ON t.id = bt.tag_id"
                        + " GROUP BY t.id ORDER BY c DESC LIMIT 40",
                    url);
              },
              ask));
    }
    return items;
  }

  private List<Item> savedBy() {
    SplittableRandom random = new SplittableRandom(ITEMS);
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      int perPage = PER_PAGE[random.nextInt(PER_PAGE.length)];
      String target =
          pages()
              ? "/recent" + (perPage == 20 ? "" : "?per_page=" + perPage)
              : "/api/v1/bookmarks?scope=everyone&per_page=" + perPage;
      Ask ask = new Ask(null, false, List.of(), "", perPage, 0);
      items.add(
          new Item(
              new Get(target, auth()),
              sql -> {
                sql.listing(ask);
                sql.query(
                    "SELECT b.url, count(*) FROM bookmarks b WHERE b.shared = 1 AND b.url IN"
                        + " (SELECT url FROM bookmarks WHERE shared = 1"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?) GROUP BY b.url",
                    perPage);
              },
              ask));
    }
    return items;
  }

  private Item popular(String window, Duration length) {
    String target = pages() ? "/popular?window=" + window : "/api/v1/popular?window=" + window;
    String since = length == null ? "" : " AND created_at >= ?";
    Ask ask = new Ask(null, false, List.of(), "", 20, 0);
    return new Item(
        new Get(target, auth()),
        sql -> {
          String groups =
              "SELECT url, count(*) c, max(created_at) newest FROM bookmarks WHERE shared = 1"
                  + since
                  + " GROUP BY url HAVING c >= 2 ORDER BY c DESC, newest DESC LIMIT 21";
          if (length == null) {
            sql.query(groups);
          } else {
            sql.query(groups, Instant.now().minus(length).toEpochMilli());
          }
        },
        ask);
  }

  private boolean pages() {
    return surface == Surface.PAGES;
  }

  private String auth() {
    return pages() ? null : Scenarios.bearer(q.topUser);
  }

  private static List<String> sharedUrls(Path cairnDb, List<Sample> samples) throws SQLException {
    List<String> urls = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cairnDb);
        PreparedStatement s = c.prepareStatement("SELECT url FROM bookmarks WHERE id = ?")) {
      for (Sample sample : samples) {
        if (!sample.shared() || urls.size() >= ITEMS) {
          continue;
        }
        s.setLong(1, sample.id());
        try (ResultSet r = s.executeQuery()) {
          if (r.next()) {
            urls.add(r.getString(1));
          }
        }
      }
    }
    return urls;
  }
}
