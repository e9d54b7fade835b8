package cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.Cairn;
import cairn.support.TestStore;
import cairn.user.UserService;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class UserCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;
  private InputStream savedIn;
  private Path dataDir;

  @BeforeEach
  void redirect() {
    out.reset();
    err.reset();
    dataDir = TestStore.newDataDir();
    System.setProperty("cairn.data-dir", dataDir.toString());
    savedOut = System.out;
    savedErr = System.err;
    savedIn = System.in;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
    System.setIn(savedIn);
    System.clearProperty("cairn.data-dir");
  }

  @Test
  void addReadsThePasswordFromStdinAndPrintsAWorkingToken() {
    System.setIn(new ByteArrayInputStream("s3cret-pass\n".getBytes(StandardCharsets.UTF_8)));
    int code = run("user", "add", "jm", "--password-stdin");
    assertEquals(0, code, err.toString());
    String token = out.toString(StandardCharsets.UTF_8).strip();
    assertTrue(token.matches("jm:[0-9A-F]{20}"), token);
    try (ApplicationContext context = StoreContext.start()) {
      UserService users = context.getBean(UserService.class);
      assertEquals("jm", users.authenticateToken(token).orElseThrow().name());
      assertTrue(users.authenticatePassword("jm", "s3cret-pass").isPresent());
    }
  }

  @Test
  void aBadNameFailsWithTheRuleAndExitCode1() {
    System.setIn(new ByteArrayInputStream("s3cret-pass".getBytes(StandardCharsets.UTF_8)));
    assertEquals(1, run("user", "add", "Not-Valid", "--password-stdin"));
    assertTrue(err.toString().contains("name must be 1–30 characters"), err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void withoutATerminalOrPasswordStdinItSaysWhatToDo() {
    assertEquals(2, run("user", "add", "someone"));
    assertTrue(err.toString().contains("--password-stdin"), err.toString());
  }

  @Test
  void reindexRebuildsTheIndexOfTheDataDirectory() {
    System.setIn(new ByteArrayInputStream("s3cret-pass".getBytes(StandardCharsets.UTF_8)));
    assertEquals(0, run("user", "add", "re", "--password-stdin"));
    assertEquals(0, run("reindex"));
    assertTrue(err.toString().contains("Reindexed in"), err.toString());
    assertTrue(java.nio.file.Files.isDirectory(dataDir.resolve("index")));
  }

  private static int run(String... args) {
    return new CommandLine(new Cairn()).execute(args);
  }
}
