package cairn.db;

import static cairn.support.Http.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cairn.search.SearchIndex;
import cairn.support.Http;
import cairn.support.SmallDisk;
import cairn.support.Sql;
import cairn.support.TestStore;
import cairn.support.WebClient;
import cairn.user.UserService;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * A full disk under the data directory (a small tmpfs): writes are refused with 507 on every
 * surface and leave nothing half-written; the index waits it out without flooding the log; once
 * space is back, writes succeed and every acknowledged bookmark is listed, with no restart.
 */
class DiskFullTest {
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final String NOTES = "n".repeat(16 * 1024);
  private static final String PASSWORD = "correct horse battery";

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void aFullDiskRefusesWritesWith507AndEveryAcknowledgedBookmarkIsListedOnceSpaceIsBack()
      throws Exception {
    Path mount = Files.createTempDirectory("cairn-full-");
    Assumptions.assumeTrue(SmallDisk.mount(mount, 40), "mounting a small tmpfs needs root");
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger().addAppender(log);
    try (EmbeddedServer server =
        ApplicationContext.run(
            EmbeddedServer.class, Map.copyOf(TestStore.properties(mount.resolve("data"))))) {
      Http http = new Http(server.getURI());
      String name = TestStore.uniqueName("full");
      var user = server.getApplicationContext().getBean(UserService.class).create(name, PASSWORD);
      String auth = bearer(user.token());
      WebClient browser = signedIn(server, name);
      Sql sql = server.getApplicationContext().getBean(Sql.class);
      List<String> acknowledged = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        assertEquals(201, post(http, auth, "before/" + i).status());
        acknowledged.add("before/" + i);
      }

      Path filler = mount.resolve("filler");
      SmallDisk.fill(filler);
      Http.Response refused = null;
      for (int i = 0; refused == null && i < 3000; i++) {
        Http.Response r = post(http, auth, "filling/" + i);
        if (r.status() == 201) {
          acknowledged.add("filling/" + i);
        } else {
          assertEquals(507, r.status(), r.body());
          refused = r;
        }
      }
      assertNotNull(refused, "the disk never filled");
      assertTrue(refused.contentType().contains("problem+json"), refused.contentType());
      assertTrue(refused.json().get("detail").asText().contains("disk is full"), refused.body());
      var counts = TestStore.Counts.of(sql);
      assertEquals(acknowledged.size(), counts.bookmarks(), "a refused write left a bookmark");
      assertEquals(acknowledged.size(), counts.changes(), "a refused write left a journal row");

      Http.Response pinboard =
          http.send(
              "POST",
              "/v1/posts/add",
              null,
              "application/x-www-form-urlencoded",
              "format=json&url=https%3A%2F%2Ffull.example.com%2Fpinboard&description=Full&extended="
                  + NOTES
                  + "&auth_token="
                  + URLEncoder.encode(user.token(), StandardCharsets.UTF_8));
      assertEquals(507, pinboard.status(), pinboard.body());
      assertTrue(pinboard.json().get("result_code").asText().contains("disk is full"));
      WebClient.Page page =
          browser.submit(
              browser.get("/add"),
              "form#bookmark",
              Map.of("url", "https://full.example.com/page", "title", "Full", "notes", NOTES));
      assertEquals(507, page.status(), page.toString());
      assertTrue(page.doc().text().contains("disk is full"), page.toString());
      assertEquals(acknowledged.size(), TestStore.Counts.of(sql).bookmarks());

      Files.delete(filler);
      Http.Response again =
          await(
              () -> post(http, auth, "after"),
              r -> {
                assertTrue(r.status() == 201 || r.status() == 507, r.toString());
                return r.status() == 201;
              });
      assertNotNull(again);
      acknowledged.add("after");
      await(
          () -> http.get("/api/v1/bookmarks?tags=full&per_page=20", auth),
          r -> r.status() == 200 && r.json().get("total").asInt() == acknowledged.size());
    } finally {
      logger().detachAppender(log);
      SmallDisk.unmount(mount);
    }
    long warnings =
        log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).count();
    assertTrue(warnings <= 10, warnings + " warnings from the index: " + log.list);
  }

  private static ch.qos.logback.classic.Logger logger() {
    return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(SearchIndex.class);
  }

  private static Http.Response post(Http http, String auth, String path) {
    String body =
        "{\"url\": \"https://full.example.com/"
            + path
            + "\", \"title\": \"Full\", \"tags\": [\"full\"], \"notes\": \""
            + NOTES
            + "\"}";
    return http.json("POST", "/api/v1/bookmarks", auth, body);
  }

  private static WebClient signedIn(EmbeddedServer server, String name) {
    WebClient browser = new WebClient(server.getURI());
    WebClient.Page done =
        browser.submit(
            browser.get("/login"), "form#login", Map.of("name", name, "password", PASSWORD));
    assertEquals(303, done.status(), done.toString());
    return browser;
  }

  private interface Check<T> {
    boolean done(T value);
  }

  /** Polls until {@code check} says done, failing after {@link #PATIENCE}. */
  private static <T> T await(Supplier<T> poll, Check<T> check) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    T last;
    do {
      last = poll.get();
      if (check.done(last)) {
        return last;
      }
      // polling a condition with a bound, not waiting for the index: nothing to wait on here
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    fail("still not done after " + PATIENCE + ": " + last);
    return last;
  }
}
