package cairn.api.pinboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.ApiTest;
import cairn.support.TestStore;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real Pinboard client, the npm package {@code node-pinboard} (installed from the registry at
 * test time into {@code target/}), run by Node against Cairn on loopback, every method's answer
 * checked by the script {@code pinboard/node-pinboard-check.js}.
 */
@MicronautTest(transactional = false)
class NodePinboardClientTest extends ApiTest {
  private static final String PACKAGE = "node-pinboard@2.0.1";
  private static final Path PREFIX = Path.of("target", "npm-pinboard").toAbsolutePath();

  @Test
  void nodePinboardWorksAgainstCairnUnchanged() throws Exception {
    install();
    Path script = PREFIX.resolve("node-pinboard-check.js");
    try (InputStream in = getClass().getResourceAsStream("/pinboard/node-pinboard-check.js")) {
      Files.write(script, in.readAllBytes());
    }
    String token = users.create(TestStore.uniqueName("node"), "node-password").token();
    String base = "http://127.0.0.1:" + server.getPort() + "/v1";
    Run run = run(List.of("node", script.toString(), base, token), 120);
    assertEquals(0, run.code(), run.output());
    for (String check :
        List.of(
            "add",
            "get by url",
            "get by tag",
            "recent",
            "dates",
            "all with paging",
            "suggest",
            "tags/get",
            "tags/rename",
            "tags/delete",
            "update",
            "delete",
            "user/api_token",
            "notes/list")) {
      assertTrue(
          run.output().contains("ok " + check + "\n"), "missing: " + check + "\n" + run.output());
    }
    assertTrue(run.output().contains("all passed"), run.output());
  }

  private static void install() throws IOException, InterruptedException {
    if (Files.isDirectory(PREFIX.resolve("node_modules/node-pinboard"))) {
      return;
    }
    Files.createDirectories(PREFIX);
    Run npm =
        run(
            List.of(
                "npm",
                "install",
                "--prefix",
                PREFIX.toString(),
                "--no-audit",
                "--no-fund",
                PACKAGE),
            300);
    assertEquals(0, npm.code(), "npm install " + PACKAGE + " failed:\n" + npm.output());
  }

  record Run(int code, String output) {}

  private static Run run(List<String> command, int timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("NODE_PATH", PREFIX.resolve("node_modules").toString());
    Process process = builder.directory(PREFIX.toFile()).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Run(-1, output + "\n(timed out)");
    }
    return new Run(process.exitValue(), output);
  }
}
