package cairn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.Http;
import cairn.support.TestStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, as a user runs it: {@code user add}, then the server on a fresh data directory;
 * a bookmark saved over HTTP survives a restart. Runs after {@code package}, in {@code verify}.
 */
class JarIT {
  private static final Path JAR = Path.of("target", "cairn.jar").toAbsolutePath();
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  @Test
  void userAddThenServeThenRestartKeepsTheBookmark() throws Exception {
    Path home = TestStore.newDataDir();
    Path dataDir = home.resolve("data");
    int port = freePort();

    String token = userAdd(home, "jm", "correct horse");
    assertTrue(token.matches("jm:[0-9A-F]{20}"), token);

    long id;
    Process server = serve(home, port);
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
      assertTrue(userAdd(home, "second", "another pass").startsWith("second:"));
    } finally {
      stop(server);
    }
    assertTrue(Files.exists(dataDir.resolve("cairn.db")), "the store lives in the data dir");

    Process again = serve(home, port);
    try {
      Http http = new Http(URI.create("http://127.0.0.1:" + port));
      var read = http.get("/api/v1/bookmarks/" + id, Http.basic("jm", "correct horse"));
      assertEquals(200, read.status(), read.body());
      assertEquals("From the jar", read.json().get("title").asText());
    } finally {
      stop(again);
    }
  }

  private static String userAdd(Path home, String name, String password) throws Exception {
    Process p =
        new ProcessBuilder(command("user", "add", name, "--password-stdin"))
            .directory(home.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (OutputStream in = p.getOutputStream()) {
      in.write((password + "\n").getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  /** Starts the server and returns once it logs that it is running. */
  private static Process serve(Path home, int port) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command()).directory(home.toFile());
    builder.environment().put("CAIRN_PORT", String.valueOf(port));
    builder.redirectErrorStream(true);
    long start = System.nanoTime();
    Process p = builder.start();
    BufferedReader log =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    for (String line; (line = log.readLine()) != null; ) {
      seen.add(line);
      if (line.contains("Server Running")) {
        System.out.printf("jar started in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        Thread.ofVirtual().start(() -> log.lines().forEach(l -> {}));
        return p;
      }
    }
    throw new AssertionError("server exited before it was running:\n" + String.join("\n", seen));
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
  }

  private static List<String> command(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(JAVA, "--enable-native-access=ALL-UNNAMED", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return command;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
