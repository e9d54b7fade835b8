package cairn.search;

import static cairn.support.Http.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.CairnProcess;
import cairn.support.Http.Response;
import cairn.support.TestStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sqlite.SQLiteConfig;

/**
 * The change journal keeps the index true across a crash (DESIGN.md §3): the packaged server,
 * killed with SIGKILL while clients are writing, comes back with every acknowledged write, and its
 * index lists exactly what the store holds. Runs after {@code package}, in {@code verify}.
 */
class CrashIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> USERS = List.of("ann", "bob");
  private static final List<String> COMMON_TAGS =
      List.of("java", "lucene", "sqlite", "distcomp", "papers", "crash", "search", "web");
  private static final List<String> PRIVATE_TAGS = List.of(".later", ".secret", ".mine");

  private static final int WRITERS = 3;
  private static final int MAX_WRITES = 3000;

  /** The kill comes after a random number of acknowledged writes in this range... */
  private static final int KILL_AFTER_MIN = 300;

  private static final int KILL_AFTER_MAX = 1000;

  /**
   * ...or after this long, on a slow machine, once {@link #MIN_ACKNOWLEDGED} writes are. From run
   * to run the kill lands before or after the index's first commit (they come every 5 s), always
   * with applied changes not yet committed.
   */
  private static final Duration KILL_BY = Duration.ofSeconds(10);

  /**
   * Fewer acknowledged writes than this before the kill would prove little; the writers get up to
   * {@link #PATIENCE} to reach them on a loaded machine (a start of 57 s at load 10 was seen).
   */
  private static final int MIN_ACKNOWLEDGED = 100;

  private static final Duration PATIENCE = Duration.ofMinutes(3);

  /** Set to replay a run: every random choice follows from the seed it printed. */
  private static final String SEED_PROPERTY = "cairn.crash.seed";

  /** SIGKILL, as {@link Process#exitValue} reports it on Linux (128 + 9). */
  private static final int KILLED = 137;

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void killedMidWriteLosesNoAcknowledgedWriteAndReplaysTheIndexToEqualTheStore() throws Exception {
    long start = System.nanoTime();
    long seed = Long.getLong(SEED_PROPERTY, start);
    Path home = TestStore.newDataDir();
    System.out.printf(
        "CrashIT seed %d (replay with -D%s=%d), home %s%n", seed, SEED_PROPERTY, seed, home);
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put(
        USERS.get(0),
        bearer(CairnProcess.userAdd(home, USERS.get(0), "password of " + USERS.get(0))));

    // the second account is added beside the starting server: each JVM start costs seconds
    var secondUser =
        CompletableFuture.supplyAsync(
            () -> CairnProcess.userAdd(home, USERS.get(1), "password of " + USERS.get(1)));
    List<Tracked> tracked;
    CairnProcess first = null;
    try {
      first = CairnProcess.start(home, CairnProcess.freePort());
      tokens.put(USERS.get(1), bearer(secondUser.join()));
      printPhase("started", start);
      tracked = writeUntilKilled(first, tokens, new Random(seed));
    } finally {
      secondUser.exceptionally(e -> null).join();
      if (first != null) {
        first.stop();
      }
    }
    first.assertNotLogged("ERROR");

    // a new port: sockets of the killed server may linger on the old one
    CairnProcess second = CairnProcess.start(home, CairnProcess.freePort());
    printPhase("restarted", start);
    try {
      // a rebuild would hide a broken replay: the restart must resume from the last commit
      second.assertNotLogged("Rebuilt the index");
      Client http = client(second);
      tracked.add(writeAfterRestart(http, tokens));
      assertNoAcknowledgedWriteLost(http, tokens, tracked);
      printPhase("checked the acknowledged writes", start);
      assertIndexEqualsStore(http, tokens, readStore(home.resolve("data").resolve("cairn.db")));
      printPhase("compared the index with the store", start);
    } finally {
      second.stop();
    }
    second.assertNotLogged("ERROR");
  }

  private static void printPhase(String phase, long start) {
    System.out.printf(
        "CrashIT %s at %d ms%n", phase, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  /**
   * Runs the writers until a random number of writes are acknowledged, kills the server while they
   * are still sending, and returns what they know of every bookmark they touched.
   */
  private static List<Tracked> writeUntilKilled(
      CairnProcess server, Map<String, String> tokens, Random random) throws Exception {
    int killAfter = KILL_AFTER_MIN + random.nextInt(KILL_AFTER_MAX - KILL_AFTER_MIN + 1);
    AtomicInteger acknowledged = new AtomicInteger();
    CountDownLatch enough = new CountDownLatch(1);
    AtomicBoolean killed = new AtomicBoolean();
    List<Writer> writers = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      writers.add(new Writer(i, new Random(random.nextLong()), client(server), tokens));
    }
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
      List<Future<?>> running = new ArrayList<>();
      for (Writer w : writers) {
        running.add(
            pool.submit(
                () -> w.run(MAX_WRITES / WRITERS, killed, acknowledged, killAfter, enough)));
      }
      if (!enough.await(KILL_BY.toMillis(), TimeUnit.MILLISECONDS)) {
        // a slow machine: kill once enough writes prove something, bounded by the patience
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (acknowledged.get() < MIN_ACKNOWLEDGED
            && System.nanoTime() < deadline
            && !enough.await(100, TimeUnit.MILLISECONDS)) {
          // waiting for the writers
        }
      }
      server.process().destroyForcibly();
      killed.set(true);
      assertEquals(KILLED, server.process().waitFor(), "the server died of SIGKILL");
      for (Future<?> f : running) {
        rethrow(f);
      }
    }
    List<Tracked> tracked = new ArrayList<>();
    writers.forEach(w -> tracked.addAll(w.mine));
    System.out.printf(
        "CrashIT killed the server after %d acknowledged writes (aiming at %d) in %d ms;"
            + " %d writes unanswered%n",
        acknowledged.get(),
        killAfter,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
        tracked.stream().filter(t -> t.uncertain).count());
    assertTrue(acknowledged.get() >= MIN_ACKNOWLEDGED, "only " + acknowledged + " acknowledged");
    return tracked;
  }

  /**
   * One more write after the restart, so that the listings read after it show the whole replayed
   * journal. Writes answer without waiting for the index; a listing waits for the journal position
   * of its reader's last write (read-your-writes, ListingService), hence for every earlier one.
   */
  private static Tracked writeAfterRestart(Client http, Map<String, String> tokens) {
    Tracked t = new Tracked(USERS.get(0), "https://example.com/crash/after-restart");
    String auth = tokens.get(t.owner);
    Response created =
        http.send("POST", "/api/v1/bookmarks", auth, body(t.url, List.of("crash"), true));
    assertEquals(201, created.status(), created.body());
    t.id = created.json().get("id").asLong();
    t.tags = List.of("crash", "restarted", ".mine");
    Response patched =
        http.send("PATCH", "/api/v1/bookmarks/" + t.id, auth, toJson(Map.of("tags", t.tags)));
    assertEquals(200, patched.status(), patched.body());
    return t;
  }

  private static void assertNoAcknowledgedWriteLost(
      Client http, Map<String, String> tokens, List<Tracked> tracked) throws Exception {
    List<Callable<String>> checks = new ArrayList<>();
    for (Tracked t : tracked) {
      if (!t.uncertain && t.id != 0) {
        checks.add(() -> lost(http, tokens.get(t.owner), t));
      }
    }
    List<String> lost = new ArrayList<>();
    // several at once: one GET after another took seconds on a busy machine
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (Future<String> f : pool.invokeAll(checks)) {
        lost.add(f.get());
      }
    }
    lost.removeIf(Objects::isNull);
    assertEquals(List.of(), lost, "acknowledged writes lost, of " + checks.size() + " checked");
  }

  /** What became of an acknowledged write, if it was lost; else null. */
  private static String lost(Client http, String auth, Tracked t) {
    Response r = http.get("/api/v1/bookmarks/" + t.id, auth);
    boolean sameUrl = r.status() == 200 && t.url.equals(r.json().get("url").asText());
    if (t.deleted) {
      // ids are never reused (AUTOINCREMENT): an acknowledged delete leaves a 404 for good
      return r.status() == 404 ? null : "deleted " + t + " is back: " + r;
    }
    return sameUrl && t.tags.equals(strings(r.json().get("tags")))
        ? null
        : "expected " + t + ", got " + r;
  }

  /**
   * Compares what the index lists (ids, totals, related-tag counts, tag filters) with the store.
   * Listed rows are hydrated from the store, so their tags come from SQL; the related counts and
   * the tag filters are what show the index's own tags.
   */
  private static void assertIndexEqualsStore(
      Client http, Map<String, String> tokens, Map<Long, Stored> store) {
    for (var user : tokens.entrySet()) {
      String name = user.getKey();
      Map<Long, Set<String>> stored = tagsById(store, b -> b.owner.equals(name));
      Listed listed = list(http, user.getValue(), "user=" + name);
      assertSameBookmarks(name + "'s bookmarks", stored, listed.tagsById);
      assertEquals(stored.size(), listed.total, name + "'s total");
      Map<String, Integer> counts = tagCounts(stored.values(), true);
      assertEquals(counts, listed.related, name + "'s related tags");
      for (var tag : counts.entrySet()) {
        String query =
            "user=" + name + "&tags=" + URLEncoder.encode(tag.getKey(), StandardCharsets.UTF_8);
        long total = page(http, user.getValue(), query + "&per_page=20").get("total").asLong();
        assertEquals(tag.getValue().longValue(), total, name + " + " + tag.getKey());
      }
    }
    Map<Long, Set<String>> shared = tagsById(store, b -> b.shared);
    Listed everyone = list(http, tokens.get(USERS.get(0)), "scope=everyone");
    assertSameIds("everyone's shared bookmarks", shared.keySet(), everyone.tagsById.keySet());
    assertEquals(shared.size(), everyone.total, "everyone's total");
    assertEquals(tagCounts(shared.values(), false), everyone.related, "everyone's related tags");
  }

  /** Names only the differences: the whole of either side is too long to read. */
  private static void assertSameBookmarks(
      String what, Map<Long, Set<String>> store, Map<Long, Set<String>> index) {
    assertSameIds(what, store.keySet(), index.keySet());
    List<String> differ = new ArrayList<>();
    store.forEach(
        (id, tags) -> {
          if (!tags.equals(index.get(id))) {
            differ.add("#" + id + " store " + tags + ", index " + index.get(id));
          }
        });
    assertEquals(List.of(), differ, what + ": tags differ");
  }

  private static void assertSameIds(String what, Set<Long> store, Set<Long> index) {
    Set<Long> missing = new TreeSet<>(store);
    missing.removeAll(index);
    Set<Long> extra = new TreeSet<>(index);
    extra.removeAll(store);
    assertTrue(
        missing.isEmpty() && extra.isEmpty(),
        what + ": the index lacks " + missing + " and has " + extra + " that the store does not");
  }

  private static Map<Long, Set<String>> tagsById(Map<Long, Stored> store, Predicate<Stored> which) {
    Map<Long, Set<String>> tags = new HashMap<>();
    store.forEach(
        (id, b) -> {
          if (which.test(b)) {
            tags.put(id, b.tags);
          }
        });
    return tags;
  }

  private static Map<String, Integer> tagCounts(
      Collection<Set<String>> bookmarks, boolean withPrivate) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Set<String> tags : bookmarks) {
      for (String tag : tags) {
        if (withPrivate || !tag.startsWith(".")) {
          counts.merge(tag, 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  /** A listing read to its end through its {@code earlier} cursors. */
  private record Listed(
      Map<Long, Set<String>> tagsById, long total, Map<String, Integer> related) {}

  private static Listed list(Client http, String auth, String query) {
    JsonNode first = page(http, auth, query + "&per_page=160");
    Map<String, Integer> related = new TreeMap<>();
    first.get("related").forEach(t -> related.put(t.get("tag").asText(), t.get("count").asInt()));
    Map<Long, Set<String>> tagsById = new HashMap<>();
    int pages = 0;
    for (JsonNode page = first; ; ) {
      for (JsonNode item : page.get("items")) {
        Set<String> tags = new HashSet<>(strings(item.get("tags")));
        assertNull(tagsById.put(item.get("id").asLong(), tags), "listed twice: " + item);
      }
      JsonNode earlier = page.get("earlier");
      if (earlier.isNull()) {
        break;
      }
      assertTrue(++pages < 1000, "the earlier cursors of " + query + " never end");
      page = page(http, auth, query + "&per_page=160&cursor=" + earlier.asText());
    }
    return new Listed(tagsById, first.get("total").asLong(), related);
  }

  private static JsonNode page(Client http, String auth, String query) {
    Response r = http.get("/api/v1/bookmarks?" + query, auth);
    assertEquals(200, r.status(), query + ": " + r.body());
    return r.json();
  }

  /** A bookmark as the store holds it. */
  private record Stored(String owner, boolean shared, Set<String> tags) {}

  /** Reads every bookmark straight from the store, read-only, beside the running server. */
  private static Map<Long, Stored> readStore(Path db) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    Map<Long, Stored> store = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db, config.toProperties());
        var statement = c.createStatement()) {
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT b.id, u.name, b.shared FROM bookmarks b JOIN users u ON u.id = b.user_id")) {
        while (rows.next()) {
          store.put(
              rows.getLong(1), new Stored(rows.getString(2), rows.getInt(3) == 1, new HashSet<>()));
        }
      }
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT bt.bookmark_id, t.name FROM bookmark_tags bt JOIN tags t ON t.id = bt.tag_id")) {
        while (rows.next()) {
          store.get(rows.getLong(1)).tags.add(rows.getString(2));
        }
      }
    }
    return store;
  }

  /** One bookmark a writer created, as its acknowledged writes left it; one writer touches it. */
  private static final class Tracked {
    final String owner;
    final String url;
    long id;
    List<String> tags = List.of();
    boolean deleted;

    /** A write to it was in flight at the kill, so either outcome is allowed. */
    boolean uncertain;

    Tracked(String owner, String url) {
      this.owner = owner;
      this.url = url;
    }

    @Override
    public String toString() {
      return owner + " #" + id + " " + url + " " + (deleted ? "deleted" : tags);
    }
  }

  /** One client thread: creates, retags and deletes bookmarks of its own, recording each answer. */
  private static final class Writer {
    private final int number;
    private final Random random;
    private final Client http;
    private final Map<String, String> tokens;
    final List<Tracked> mine = new ArrayList<>();
    private final List<Tracked> live = new ArrayList<>();

    Writer(int number, Random random, Client http, Map<String, String> tokens) {
      this.number = number;
      this.random = random;
      this.http = http;
      this.tokens = tokens;
    }

    /** Writes until the server stops answering or the budget is spent. */
    void run(
        int budget,
        AtomicBoolean killed,
        AtomicInteger acknowledged,
        int killAfter,
        CountDownLatch enough) {
      try {
        for (int n = 0; n < budget && !killed.get(); n++) {
          int dice = random.nextInt(10);
          boolean answered = live.isEmpty() || dice < 6 ? create(n) : dice < 9 ? retag() : delete();
          if (!answered) {
            return;
          }
          if (acknowledged.incrementAndGet() == killAfter) {
            enough.countDown();
          }
        }
      } finally {
        // a writer that stops early, or fails, must not keep the test waiting for the kill
        enough.countDown();
      }
    }

    private boolean create(int n) {
      String owner = USERS.get(random.nextInt(USERS.size()));
      Tracked t = new Tracked(owner, "https://example.com/crash/" + number + "/" + n);
      mine.add(t);
      List<String> tags = randomTags();
      Response r = send(t, "POST", "/api/v1/bookmarks", body(t.url, tags, random.nextBoolean()));
      if (r == null) {
        return false;
      }
      assertEquals(201, r.status(), r.body());
      t.id = r.json().get("id").asLong();
      t.tags = tags;
      live.add(t);
      return true;
    }

    private boolean retag() {
      Tracked t = live.get(random.nextInt(live.size()));
      List<String> tags = randomTags();
      String patch = toJson(Map.of("tags", tags, "shared", random.nextBoolean()));
      Response r = send(t, "PATCH", "/api/v1/bookmarks/" + t.id, patch);
      if (r == null) {
        return false;
      }
      assertEquals(200, r.status(), r.body());
      t.tags = tags;
      return true;
    }

    private boolean delete() {
      Tracked t = live.remove(random.nextInt(live.size()));
      Response r = send(t, "DELETE", "/api/v1/bookmarks/" + t.id, null);
      if (r == null) {
        return false;
      }
      assertEquals(204, r.status(), r.body());
      t.deleted = true;
      return true;
    }

    /**
     * The server's answer, or null if it gave none (it was killed): the write is then uncertain.
     */
    private Response send(Tracked t, String method, String path, String body) {
      try {
        return http.send(method, path, tokens.get(t.owner), body);
      } catch (UncheckedIOException e) {
        t.uncertain = true;
        return null;
      }
    }

    /** Some common tags, sometimes a rarer one, sometimes a private one; maybe none at all. */
    private List<String> randomTags() {
      List<String> common = new ArrayList<>(COMMON_TAGS);
      Collections.shuffle(common, random);
      List<String> tags = new ArrayList<>(common.subList(0, random.nextInt(4)));
      if (random.nextInt(3) == 0) {
        tags.add("rare" + random.nextInt(50));
      }
      if (random.nextInt(4) == 0) {
        tags.add(PRIVATE_TAGS.get(random.nextInt(PRIVATE_TAGS.size())));
      }
      Collections.shuffle(tags, random);
      return List.copyOf(tags);
    }
  }

  private static String body(String url, List<String> tags, boolean shared) {
    return toJson(Map.of("url", url, "title", "Crash " + url, "tags", tags, "shared", shared));
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static void rethrow(Future<?> f) throws InterruptedException {
    try {
      f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("a writer failed", e.getCause());
    }
  }

  /**
   * HTTP/1.1 only: the JDK client's default, HTTP/2, offers an h2c upgrade with every request,
   * which the server declines, and that halved the write rate here. Requests time out, so a server
   * that hangs fails the test instead of stalling it.
   */
  private static final class Client {
    private static final HttpClient CLIENT =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;

    Client(URI base) {
      this.base = base;
    }

    Response get(String path, String authorization) {
      return send("GET", path, authorization, null);
    }

    Response send(String method, String path, String authorization, String json) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(base.resolve(path))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", authorization)
              .method(
                  method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
      if (json != null) {
        request.header("Content-Type", "application/json");
      }
      try {
        var response = CLIENT.send(request.build(), BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers(), response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static Client client(CairnProcess server) {
    return new Client(URI.create("http://127.0.0.1:" + server.port()));
  }
}
