package cairn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.CairnProcess;
import cairn.support.Http;
import cairn.support.TestStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, as a user runs it: {@code user add}, then the server on a fresh data directory;
 * a bookmark saved over HTTP survives a restart. Runs after {@code package}, in {@code verify}.
 */
class JarIT {

  @Test
  void userAddThenServeThenRestartKeepsTheBookmark() throws Exception {
    Path home = TestStore.newDataDir();
    int port = CairnProcess.freePort();

    String token = CairnProcess.userAdd(home, "jm", "correct horse");
    assertTrue(token.matches("jm:[0-9A-F]{20}"), token);

    long id;
    long start = System.nanoTime();
    CairnProcess server = CairnProcess.start(home, port);
    System.out.printf("jar started in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    try {
      Http http = new Http(URI.create("http://127.0.0.1:" + port));
      assertEquals(200, http.get("/health", null).status());
      var created =
          http.json(
              "POST",
              "/api/v1/bookmarks",
              Http.bearer(token),
              "{\"url\": \"https://example.com/jar\", \"title\": \"From the jar\", \"tags\": \"a b\"}");
      assertEquals(201, created.status(), created.body());
      id = created.json().get("id").asLong();
      // a store-only command runs beside the server on the same data directory
      assertTrue(CairnProcess.userAdd(home, "second", "another pass").startsWith("second:"));
    } finally {
      server.stop();
    }
    assertTrue(Files.exists(home.resolve("data").resolve("cairn.db")), "the store lives in ./data");

    CairnProcess again = CairnProcess.start(home, port);
    try {
      Http http = new Http(URI.create("http://127.0.0.1:" + port));
      var read = http.get("/api/v1/bookmarks/" + id, Http.basic("jm", "correct horse"));
      assertEquals(200, read.status(), read.body());
      assertEquals("From the jar", read.json().get("title").asText());
    } finally {
      again.stop();
    }
    server.assertNotLogged("ERROR");
    again.assertNotLogged("ERROR");
  }
}
