package cairn.bench;

import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.db.schema.Tables.BOOKMARK_TAGS;
import static cairn.db.schema.Tables.CHANGES;
import static cairn.db.schema.Tables.TAGS;

import cairn.browse.ListingService;
import cairn.journal.ChangeJournal;
import cairn.search.Listing;
import cairn.search.SearchIndex;
import cairn.user.UserService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jooq.DSLContext;

/**
 * Listing latency at N generated bookmarks (default 100k, one user): a two-tag intersection with
 * related tags, and the most frequent tag's listing, through HTTP and in-process; next to the same
 * questions answered by plain SQL (INTERSECT, GROUP BY) on the same SQLite store.
 *
 * <p>Run: {@code mvn -Pbench verify} (writes {@code target/bench/listing-N.md}); {@code
 * -Dbench.size=10000} for another size. Not part of the test suite.
 */
public final class ListingBench {
  private static final int WARMUP = 200;
  private static final int MEASURED = 1000;
  private static final int MIN_MEASURED = 50;
  private static final long BUDGET_NANOS = 20_000_000_000L;
  private static final String[] WORDS = words(5000);

  public static void main(String[] args) throws Exception {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Path.of("target", "bench", "data-" + size + "-" + System.currentTimeMillis());
    Files.createDirectories(dir);
    Map<String, Object> props =
        Map.of("cairn.data-dir", dir.toString(), "micronaut.server.port", "-1");
    long userId;
    String token;
    Map<String, String> report = new LinkedHashMap<>();
    Dataset data;
    try (ApplicationContext store =
        ApplicationContext.builder()
            .environments(SearchIndex.STORE_ONLY_ENVIRONMENT)
            .properties(props)
            .start()) {
      var user = store.getBean(UserService.class).create("bench", "bench-password");
      userId = user.user().id();
      token = user.token();
      long start = System.nanoTime();
      data = load(store.getBean(DSLContext.class), userId, size);
      report.put("generate and load into SQLite", ms(start) + " ms");
    }
    long start = System.nanoTime();
    try (ApplicationContext server = ApplicationContext.run(props)) {
      EmbeddedServer http = server.getBean(EmbeddedServer.class).start();
      SearchIndex index = server.getBean(SearchIndex.class);
      index.awaitVisible(server.getBean(ChangeJournal.class).lastSeq(), Duration.ofMinutes(10));
      report.put("start + index " + size + " bookmarks from the journal", ms(start) + " ms");

      Random random = new Random(42);
      List<String[]> pairs = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        List<String> tags = data.tagsOf.get(random.nextInt(data.tagsOf.size()));
        if (tags.size() >= 2) {
          pairs.add(new String[] {tags.get(0), tags.get(1)});
        }
      }
      String top = data.mostFrequentTag;
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI base = http.getURI();
      ListingService listings = server.getBean(ListingService.class);
      Path db = dir.resolve("cairn.db");
      try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db)) {
        List<String> rows = new ArrayList<>();
        rows.add(
            "| query | Cairn over HTTP (JSON) p50 / p95 | Cairn in-process p50 / p95 | plain SQL in-process p50 / p95 |");
        rows.add("|---|---|---|---|");
        rows.add(
            row(
                "two-tag intersection + total + related tags (B2)",
                i -> httpGet(client, base, token, pairs.get(i % pairs.size())),
                i ->
                    listings.list(
                        Listing.of(userId, userId).withTags(List.of(pairs.get(i % pairs.size())))),
                i -> sqlListing(sql, userId, pairs.get(i % pairs.size()))));
        rows.add(
            row(
                "most frequent tag '"
                    + top
                    + "' ("
                    + data.topCount
                    + " bookmarks) + related tags (B4)",
                i -> httpGet(client, base, token, new String[] {top}),
                i -> listings.list(Listing.of(userId, userId).withTags(List.of(top))),
                i -> sqlListing(sql, userId, new String[] {top})));
        rows.add(
            row(
                "all " + size + " bookmarks + tag cloud (B1)",
                i -> httpGet(client, base, token, new String[0]),
                i -> listings.list(Listing.of(userId, userId)),
                i -> sqlListing(sql, userId, new String[0])));
        rows.add(
            "| Pinboard posts/all, JSON, all "
                + size
                + " bookmarks (B6) | "
                + measure(
                    i -> httpGetPath(client, base, "/v1/posts/all?format=json&auth_token=" + token))
                + " | — | — |");
        write(size, report, rows);
      }
    }
  }

  /** One user's bookmarks: tags Zipf(1.0) over size/10 tags, 1–8 tags each, dates increasing. */
  record Dataset(List<List<String>> tagsOf, String mostFrequentTag, int topCount) {}

  private static Dataset load(DSLContext db, long userId, int size) {
    Random random = new Random(7);
    int vocabulary = Math.max(200, size / 10);
    Zipf tagZipf = new Zipf(vocabulary, 1.0, random);
    Zipf wordZipf = new Zipf(WORDS.length, 1.07, random);
    int[] tagCounts = {1, 2, 3, 4, 5, 6, 8};
    int[] weights = {14, 24, 25, 17, 10, 6, 4};
    List<List<String>> tagsOf = new ArrayList<>(size);
    int[] uses = new int[vocabulary];
    long base = 1_500_000_000_000L;
    db.transaction(
        tx -> {
          DSLContext t = tx.dsl();
          var tagInsert = t.insertInto(TAGS, TAGS.ID, TAGS.USER_ID, TAGS.TAG_KEY, TAGS.NAME);
          for (int k = 0; k < vocabulary; k++) {
            tagInsert = tagInsert.values((long) k + 1, userId, "tag" + k, "tag" + k);
          }
          tagInsert.execute();
          for (int from = 0; from < size; from += 1000) {
            var b =
                t.insertInto(
                    BOOKMARKS,
                    BOOKMARKS.ID,
                    BOOKMARKS.USER_ID,
                    BOOKMARKS.URL,
                    BOOKMARKS.URL_KEY,
                    BOOKMARKS.HASH,
                    BOOKMARKS.TITLE,
                    BOOKMARKS.NOTES,
                    BOOKMARKS.SHARED,
                    BOOKMARKS.TOREAD,
                    BOOKMARKS.CREATED_AT,
                    BOOKMARKS.UPDATED_AT);
            var bt =
                t.insertInto(
                    BOOKMARK_TAGS,
                    BOOKMARK_TAGS.BOOKMARK_ID,
                    BOOKMARK_TAGS.TAG_ID,
                    BOOKMARK_TAGS.POSITION);
            var ch = t.insertInto(CHANGES, CHANGES.BOOKMARK_ID);
            for (int i = from; i < Math.min(size, from + 1000); i++) {
              long id = i + 1;
              String url = "https://bench.example.com/" + i;
              StringBuilder title = new StringBuilder();
              for (int w = 3 + random.nextInt(8); w > 0; w--) {
                title.append(WORDS[wordZipf.next()]).append(' ');
              }
              b =
                  b.values(
                      id,
                      userId,
                      url,
                      url,
                      "0".repeat(32),
                      title.toString().strip(),
                      "",
                      random.nextBoolean(),
                      false,
                      base + i * 60_000L,
                      base + i * 60_000L);
              int n = tagCounts[pick(weights, random)];
              List<Integer> chosen = new ArrayList<>();
              while (chosen.size() < n) {
                int k = tagZipf.next();
                if (!chosen.contains(k)) {
                  chosen.add(k);
                }
              }
              List<String> names = new ArrayList<>();
              for (int p = 0; p < chosen.size(); p++) {
                bt = bt.values(id, (long) chosen.get(p) + 1, (long) p);
                names.add("tag" + chosen.get(p));
                uses[chosen.get(p)]++;
              }
              tagsOf.add(names);
              ch = ch.values(id);
            }
            b.execute();
            bt.execute();
            ch.execute();
          }
        });
    int top = 0;
    for (int k = 1; k < vocabulary; k++) {
      if (uses[k] > uses[top]) {
        top = k;
      }
    }
    return new Dataset(tagsOf, "tag" + top, uses[top]);
  }

  private static Object httpGet(HttpClient client, URI base, String token, String[] tags) {
    String query = tags.length == 0 ? "" : "?tags=" + String.join(",", tags);
    return send(
        client,
        HttpRequest.newBuilder(base.resolve("/api/v1/bookmarks" + query))
            .header("Authorization", "Bearer " + token)
            .build());
  }

  private static Object httpGetPath(HttpClient client, URI base, String pathAndQuery) {
    return send(client, HttpRequest.newBuilder(base.resolve(pathAndQuery)).build());
  }

  private static String send(HttpClient client, HttpRequest request) {
    try {
      var response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The plain-SQL design: matches by INTERSECT, the page by ORDER BY, counts by GROUP BY. */
  private static Object sqlListing(Connection sql, long userId, String[] tags) {
    StringBuilder matches = new StringBuilder();
    if (tags.length == 0) {
      matches.append("SELECT id AS bookmark_id FROM bookmarks WHERE user_id = ?");
    }
    for (int i = 0; i < tags.length; i++) {
      if (i > 0) {
        matches.append(" INTERSECT ");
      }
      matches.append(
          "SELECT bt.bookmark_id FROM bookmark_tags bt JOIN tags t ON t.id = bt.tag_id WHERE t.user_id = ? AND t.tag_key = ?");
    }
    String with = "WITH m AS (" + matches + ") ";
    List<Object> result = new ArrayList<>();
    try {
      result.add(
          query(
              sql,
              with
                  + "SELECT b.id FROM bookmarks b WHERE b.id IN (SELECT bookmark_id FROM m) ORDER BY b.created_at DESC, b.id DESC LIMIT 20",
              userId,
              tags));
      result.add(query(sql, with + "SELECT count(*) FROM m", userId, tags));
      result.add(
          query(
              sql,
              with
                  + "SELECT t.name, count(*) FROM bookmark_tags bt JOIN tags t ON t.id = bt.tag_id WHERE bt.bookmark_id IN (SELECT bookmark_id FROM m) GROUP BY t.id ORDER BY t.tag_key",
              userId,
              tags));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return result;
  }

  private static int query(Connection sql, String text, long userId, String[] tags)
      throws Exception {
    try (PreparedStatement s = sql.prepareStatement(text)) {
      int p = 1;
      if (tags.length == 0) {
        s.setLong(p, userId);
      }
      for (String tag : tags) {
        s.setLong(p++, userId);
        s.setString(p++, tag);
      }
      int rows = 0;
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows++;
        }
      }
      return rows;
    }
  }

  private interface Op {
    Object run(int i);
  }

  private static String row(String name, Op http, Op inProcess, Op sql) {
    return "| "
        + name
        + " | "
        + measure(http)
        + " | "
        + measure(inProcess)
        + " | "
        + measure(sql)
        + " |";
  }

  /** Up to MEASURED timed runs after warm-up, fewer for slow queries (a time budget). */
  private static String measure(Op op) {
    long warmupEnd = System.nanoTime() + BUDGET_NANOS / 4;
    for (int i = 0; i < WARMUP && System.nanoTime() < warmupEnd; i++) {
      op.run(i);
    }
    long[] nanos = new long[MEASURED];
    int n = 0;
    long end = System.nanoTime() + BUDGET_NANOS;
    while (n < MEASURED && (n < MIN_MEASURED || System.nanoTime() < end)) {
      long t = System.nanoTime();
      op.run(n);
      nanos[n++] = System.nanoTime() - t;
    }
    long[] taken = Arrays.copyOf(nanos, n);
    Arrays.sort(taken);
    return String.format(
        "%.2f / %.2f ms (n=%d)", taken[n / 2] / 1e6, taken[Math.min(n - 1, n * 95 / 100)] / 1e6, n);
  }

  private static void write(int size, Map<String, String> report, List<String> rows)
      throws Exception {
    StringBuilder md =
        new StringBuilder("# Listing benchmark, " + size + " bookmarks, one user\n\n");
    md.append("Machine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, ")
        .append(System.getProperty("java.version"))
        .append(". ")
        .append(MEASURED)
        .append(
            " measured requests per cell (fewer when a cell exceeds 20 s; n is given) after up to ")
        .append(WARMUP)
        .append(" warm-up, sequential, client in the same JVM.\n\n");
    report.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    md.append('\n');
    rows.forEach(r -> md.append(r).append('\n'));
    Path out = Path.of("target", "bench", "listing-" + size + ".md");
    Files.writeString(out, md);
    System.out.println(md);
  }

  private static long ms(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static int pick(int[] weights, Random random) {
    int total = Arrays.stream(weights).sum();
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private static String[] words(int n) {
    Random random = new Random(3);
    String[] words = new String[n];
    for (int i = 0; i < n; i++) {
      char[] w = new char[3 + random.nextInt(7)];
      for (int c = 0; c < w.length; c++) {
        w[c] = (char) ('a' + random.nextInt(26));
      }
      words[i] = new String(w);
    }
    return words;
  }

  /** Zipf-distributed ranks by inverse CDF over precomputed cumulative weights. */
  private static final class Zipf {
    private final double[] cdf;
    private final Random random;

    Zipf(int n, double s, Random random) {
      this.random = random;
      cdf = new double[n];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += 1 / Math.pow(i + 1, s);
        cdf[i] = sum;
      }
      for (int i = 0; i < n; i++) {
        cdf[i] /= sum;
      }
    }

    int next() {
      int i = Arrays.binarySearch(cdf, random.nextDouble());
      return i >= 0 ? i : Math.min(cdf.length - 1, -i - 1);
    }
  }
}
