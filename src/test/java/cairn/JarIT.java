package cairn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.CairnProcess;
import cairn.support.Http;
import cairn.support.TestStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  /**
   * The README's way to run a command: the first run writes the class archive as it exits, the next
   * one loads Cairn's classes from it (as the JVM's class-loading log says) and works as usual.
   */
  @Test
  void aCommandWritesTheClassArchiveOnceAndTheNextStartsFromIt() throws Exception {
    Path home = TestStore.newDataDir();
    CairnProcess.userAdd(home, "jm", "correct horse");
    Path file = home.resolve("bookmarks.html");
    Files.writeString(
        file,
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n"
            + "<DT><A HREF=\"https://example.com/archived\" TAGS=\"a,b\">Archived</A>\n</DL>\n");
    Path archive = home.resolve("cairn.jsa");
    List<String> options =
        List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive);

    assertEquals(0, run(home, options, "import", file.toString(), "--user", "jm"));
    assertTrue(Files.size(archive) > 1_000_000, "the first run wrote the archive");

    List<String> logged =
        List.of(
            "-XX:+AutoCreateSharedArchive",
            "-XX:SharedArchiveFile=" + archive,
            "-Xlog:class+load=info");
    assertEquals(0, run(home, logged, "import", file.toString(), "--user", "jm"));
    String log = Files.readString(home.resolve("command.log"));
    assertTrue(
        log.contains("cairn.cli.ImportCommand source: shared objects file (top)"),
        "the second run loads Cairn's classes from the archive");
    assertTrue(
        log.contains("1 unchanged"),
        log.lines().filter(l -> !l.startsWith("[")).toList().toString());
  }

  private static int run(Path home, List<String> options, String... args) throws Exception {
    Process p = CairnProcess.launch(home, options, args);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the command ends");
    return p.exitValue();
  }
}
