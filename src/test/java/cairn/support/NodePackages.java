package cairn.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Programs nobody here wrote, from the npm registry, run by Node from the tests: an npm package
 * installed once into its own directory under {@code target/} (kept between runs), and scripts from
 * the test resources run next to it.
 */
public final class NodePackages {
  private static final int INSTALL_SECONDS = 300;
  private final Path prefix;

  private NodePackages(Path prefix) {
    this.prefix = prefix;
  }

  /**
   * {@code pkg} ({@code name@version}) installed into {@code target/DIRECTORY}, unless it is there
   * already.
   */
  public static synchronized NodePackages install(String directory, String pkg)
      throws IOException, InterruptedException {
    Path prefix = Path.of("target", directory).toAbsolutePath();
    String name = pkg.substring(0, pkg.lastIndexOf('@'));
    NodePackages packages = new NodePackages(prefix);
    if (Files.isDirectory(prefix.resolve("node_modules").resolve(name))) {
      return packages;
    }
    Files.createDirectories(prefix);
    Run npm =
        packages.run(
            List.of(
                "npm", "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund", pkg),
            INSTALL_SECONDS);
    assertEquals(0, npm.code(), "npm install " + pkg + " failed:\n" + npm.output());
    return packages;
  }

  /** What a program printed (standard output and error together) and its exit code. */
  public record Run(int code, String output) {}

  /** Runs the test resource {@code script} with Node, with {@code args}. */
  public Run node(String script, List<String> args, int timeoutSeconds)
      throws IOException, InterruptedException {
    List<String> command = command(script, args);
    return run(command, timeoutSeconds);
  }

  /** Runs {@code script} and returns only its standard output; fails on a non-zero exit. */
  public String output(String script, List<String> args, int timeoutSeconds)
      throws IOException, InterruptedException {
    List<String> command = command(script, args);
    Path err = Files.createTempFile(prefix, "stderr", ".txt");
    ProcessBuilder builder = builder(command).redirectError(err.toFile());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(script + " timed out after " + timeoutSeconds + " s");
    }
    String errors = Files.readString(err);
    Files.delete(err);
    assertEquals(0, process.exitValue(), script + " failed:\n" + errors + out);
    return out;
  }

  /** {@code node SCRIPT ARGS…}, the script copied from the test resources next to the package. */
  private List<String> command(String script, List<String> args) throws IOException {
    Path copy = prefix.resolve(Path.of(script).getFileName().toString());
    try (InputStream in = NodePackages.class.getResourceAsStream(script)) {
      Files.write(copy, in.readAllBytes());
    }
    List<String> command = new ArrayList<>(List.of("node", copy.toString()));
    command.addAll(args);
    return command;
  }

  private Run run(List<String> command, int timeoutSeconds)
      throws IOException, InterruptedException {
    Process process = builder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Run(-1, output + "\n(timed out)");
    }
    return new Run(process.exitValue(), output);
  }

  private ProcessBuilder builder(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("NODE_PATH", prefix.resolve("node_modules").toString());
    return builder.directory(prefix.toFile());
  }
}
