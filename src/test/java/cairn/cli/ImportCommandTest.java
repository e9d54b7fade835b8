package cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.Cairn;
import cairn.support.TestStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code import} and {@code export} run in-process through picocli, as the jar runs them. */
class ImportCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;
  private InputStream savedIn;
  private Path dataDir;

  @BeforeEach
  void redirect() {
    dataDir = TestStore.newDataDir();
    System.setProperty("cairn.data-dir", dataDir.toString());
    savedOut = System.out;
    savedErr = System.err;
    savedIn = System.in;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setIn(new ByteArrayInputStream("password-c\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(0, run("user", "add", "jm", "--password-stdin"));
    out.reset();
    err.reset();
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
    System.setIn(savedIn);
    System.clearProperty("cairn.data-dir");
  }

  private Path resource(String name) throws IOException {
    Path file = dataDir.resolve(Path.of(name).getFileName());
    try (InputStream in = getClass().getResourceAsStream("/exchange/" + name)) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void importPrintsTheReportAndExportWritesTheBookmarksBack() throws IOException {
    Path file = resource("import/core.html");
    assertEquals(0, run("import", file.toString(), "--user", "jm", "--tag", "cli"), err.toString());
    String report = out.toString(StandardCharsets.UTF_8);
    assertTrue(report.contains("7 entries read"), report);
    assertTrue(report.contains("4 new bookmarks"), report);
    assertTrue(report.contains("entry 2 (line 8) javascript:alert(1): url scheme"), report);
    out.reset();

    assertEquals(0, run("export", "--user", "jm", "--format", "pinboard-json"), err.toString());
    String json = out.toString(StandardCharsets.UTF_8);
    assertTrue(json.startsWith("["), "nothing but the export on stdout: " + json);
    assertEquals(4, json.split("\"href\"").length - 1, json);
    assertTrue(json.contains("cli"), json);

    Path saved = dataDir.resolve("out.html");
    assertEquals(0, run("export", "--user", "jm", "--format", "netscape", "--output", "" + saved));
    assertTrue(Files.readString(saved).startsWith("<!DOCTYPE NETSCAPE-Bookmark-file-1>"));
    assertTrue(err.toString().contains("Exported 4 bookmarks"), err.toString());
  }

  @Test
  void aFileThatIsNotBookmarksIsRefusedWithExitCode1() throws IOException {
    Path file = resource("import/notes.txt");
    assertEquals(1, run("import", file.toString(), "--user", "jm"));
    assertTrue(err.toString().contains("is not a bookmark file"), err.toString());
  }

  @Test
  void badOptionsAndUnknownUsersExitWith2NamingTheProblem() throws IOException {
    Path file = resource("import/core.html");
    assertEquals(2, run("import", file.toString(), "--user", "jm", "--tag", "-bad"));
    assertTrue(err.toString().contains("--tag"), err.toString());
    assertEquals(2, run("import", file.toString(), "--user", "jm", "--format", "csv"));
    assertEquals(2, run("import", file.toString(), "--user", "nobody"));
    assertTrue(err.toString().contains("no user 'nobody'"), err.toString());
    assertEquals(2, run("export", "--user", "jm", "--format", "csv"));
  }

  private static int run(String... args) {
    return new CommandLine(new Cairn()).execute(args);
  }
}
