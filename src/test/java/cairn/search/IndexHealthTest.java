package cairn.search;

import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.db.schema.Tables.CHANGES;
import static cairn.support.Drafts.draft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cairn.bookmark.BookmarkService;
import cairn.browse.ListingService;
import cairn.journal.ChangeJournal;
import cairn.query.Listing;
import cairn.support.Http;
import cairn.support.Sql;
import cairn.support.TestStore;
import cairn.user.UserService;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The index's failure paths as an operator meets them: a bookmark in the store that cannot be
 * indexed (a URL past Lucene's 32 KB term, written around every check) makes {@code /health} say
 * DEGRADED and name it, listings answer at once from what was visible, the row is retried with
 * back-off and logged once, and once the row is fixed everything shows; a start that fails after
 * opening the writer leaves the index free for the next start.
 */
class IndexHealthTest {
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final String POISON = "https://poison.example.com/" + "a".repeat(40_000);

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aBookmarkThatCannotBeIndexedIsNamedByHealthRetriedWithBackOffAndShownOnceFixed() {
    Path dir = TestStore.newDataDir();
    ListAppender<ILoggingEvent> log = listen();
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props(dir, false))) {
      ApplicationContext context = server.getApplicationContext();
      Http http = new Http(server.getURI());
      long user = context.getBean(UserService.class).create(name(), "password-1").user().id();
      BookmarkService bookmarks = context.getBean(BookmarkService.class);
      SearchIndex index = context.getBean(SearchIndex.class);
      var first = bookmarks.create(user, draft("https://ok.example.com/1", "ok"), false);
      assertTrue(index.awaitVisible(first.seq(), PATIENCE));
      assertEquals("UP", indexHealth(http).get("status").asText());

      // a row written around every check, never indexed before
      Sql sql = context.getBean(Sql.class);
      long poisoned = insertPoisoned(sql, user);
      sql.run(db -> db.insertInto(CHANGES).set(CHANGES.BOOKMARK_ID, poisoned).execute());
      JsonNode degraded = awaitHealth(http, h -> h.get("status").asText().equals("DEGRADED"));
      String reason = degraded.get("details").get("reason").asText();
      assertTrue(reason.contains("bookmark " + poisoned), reason);
      assertTrue(reason.contains("cannot be indexed"), reason);
      assertEquals(200, http.get("/health", null).status(), "degraded still answers listings");

      // a write behind the poisoned row: waiting for it answers at once, without it
      var behind = bookmarks.create(user, draft("https://ok.example.com/2", "ok"), false);
      long start = System.nanoTime();
      assertFalse(index.awaitVisible(behind.seq(), PATIENCE));
      assertTrue(System.nanoTime() - start < PATIENCE.toNanos() / 4, "the wait was cut short");
      ListingService listings = context.getBean(ListingService.class);
      assertEquals(1, listings.list(Listing.of(user, user)).total());

      awaitHealth(http, h -> attempts(h) >= 4);
      assertEquals(1, logged(log, "Indexing failed"), "one line for a failure that repeats");

      setUrl(sql, poisoned, "https://ok.example.com/3");
      awaitHealth(http, h -> h.get("status").asText().equals("UP"));
      assertTrue(index.awaitVisible(behind.seq(), PATIENCE));
      assertEquals(3, listings.list(Listing.of(user, user)).total());
      assertEquals(1, logged(log, "Indexing recovered"));
    } finally {
      logger().detachAppender(log);
    }
  }

  @Test
  void aStartThatFailsAfterOpeningTheWriterLeavesTheIndexFreeForTheNext() {
    Path dir = TestStore.newDataDir();
    long user;
    long poisoned;
    try (ApplicationContext context = ApplicationContext.run(props(dir, false))) {
      user = context.getBean(UserService.class).create(name(), "password-1").user().id();
      var saved =
          context
              .getBean(BookmarkService.class)
              .create(user, draft("https://ok.example.com/a", "ok"), false);
      assertTrue(context.getBean(SearchIndex.class).awaitVisible(saved.seq(), PATIENCE));
      poisoned = saved.bookmark().id();
      setUrl(context.getBean(Sql.class), poisoned, POISON);
    }
    // a rebuild asked for on the command line fails at the row, after the writer was opened
    RuntimeException failed =
        assertThrows(RuntimeException.class, () -> ApplicationContext.run(props(dir, true)));
    assertTrue(causes(failed, UnindexableBookmarkException.class), failed.toString());

    // had the failed start kept the writer's lock, this start would fail to open the index
    try (ApplicationContext context = ApplicationContext.run(props(dir, false))) {
      setUrl(context.getBean(Sql.class), poisoned, "https://ok.example.com/a");
      sqlAppend(context, poisoned);
      long last = context.getBean(ChangeJournal.class).lastSeq();
      assertTrue(context.getBean(SearchIndex.class).awaitVisible(last, PATIENCE));
      assertEquals(1, context.getBean(ListingService.class).list(Listing.of(user, user)).total());
    }
  }

  @Test
  void theBackOffDoublesToItsBoundAndStartsOverAfterARecovery() {
    IndexFaults faults = new IndexFaults();
    Logger quiet = logger();
    Level level = quiet.getLevel();
    quiet.setLevel(Level.ERROR);
    try {
      long first = IndexFaults.FIRST_BACKOFF.toNanos();
      long bound = IndexFaults.MAX_BACKOFF.toNanos();
      List<Long> waits = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        faults.failed(new IllegalArgumentException("bad row"), null);
        waits.add(faults.nextBackoffNanos());
      }
      assertEquals(
          List.of(first, 2 * first, 4 * first, 8 * first, 16 * first), waits.subList(0, 5));
      assertEquals(bound, waits.get(7));
      assertTrue(faults.failure().startsWith("8 attempts failed since "), faults.failure());
      faults.succeeded();
      assertEquals(null, faults.failure());
      faults.failed(new IllegalArgumentException("bad row"), null);
      assertEquals(first, faults.nextBackoffNanos());
    } finally {
      quiet.setLevel(level);
    }
  }

  /** A bookmark row with a URL no check lets through; returns its id. */
  private static long insertPoisoned(Sql sql, long user) {
    return sql.read(
        db -> {
          db.execute(
              "INSERT INTO bookmarks (user_id, url, url_key, hash, shared, toread, created_at,"
                  + " updated_at) VALUES (?, ?, 'poisoned', ?, 1, 0, 1000, 1000)",
              user,
              POISON,
              "0".repeat(32));
          Object id =
              db.fetchValue(
                  "SELECT id FROM bookmarks WHERE user_id = ? AND url_key = 'poisoned'", user);
          return ((Number) id).longValue();
        });
  }

  private static void sqlAppend(ApplicationContext context, long bookmarkId) {
    context
        .getBean(Sql.class)
        .run(db -> db.insertInto(CHANGES).set(CHANGES.BOOKMARK_ID, bookmarkId).execute());
  }

  private static void setUrl(Sql sql, long id, String url) {
    sql.run(
        db -> db.update(BOOKMARKS).set(BOOKMARKS.URL, url).where(BOOKMARKS.ID.eq(id)).execute());
  }

  private static int attempts(JsonNode index) {
    JsonNode reason = index.get("details").get("reason");
    if (reason == null) {
      return 0;
    }
    return Integer.parseInt(reason.asText().split(" ", 2)[0]);
  }

  private static JsonNode indexHealth(Http http) {
    return http.get("/health", null).json().get("details").get("index");
  }

  private static JsonNode awaitHealth(Http http, Predicate<JsonNode> wanted) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    for (JsonNode index = indexHealth(http); ; index = indexHealth(http)) {
      if (wanted.test(index)) {
        return index;
      }
      if (System.nanoTime() > deadline) {
        fail("health never got there: " + index);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(e);
      }
    }
  }

  private static boolean causes(Throwable e, Class<?> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static long logged(ListAppender<ILoggingEvent> log, String start) {
    synchronized (log.list) {
      return log.list.stream().filter(e -> e.getFormattedMessage().startsWith(start)).count();
    }
  }

  private static ListAppender<ILoggingEvent> listen() {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger().addAppender(log);
    return log;
  }

  private static Logger logger() {
    return (Logger) LoggerFactory.getLogger(SearchIndex.class);
  }

  private static String name() {
    return TestStore.uniqueName("health");
  }

  private static Map<String, Object> props(Path dir, boolean reindex) {
    Map<String, Object> props = new HashMap<>(TestStore.properties(dir));
    props.put(SearchIndex.REINDEX_PROPERTY, reindex);
    return props;
  }
}
