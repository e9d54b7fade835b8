package cairn.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/** The packaged jar run as a user runs it, in its own process, with every line it logged. */
public record CairnProcess(Process process, Thread reader, Path home, int port, Queue<String> log) {
  // another build's jar may stand in (-Dcairn.test.jar=…) to measure a test against it
  private static final Path JAR =
      Path.of(System.getProperty("cairn.test.jar", "target/cairn.jar")).toAbsolutePath();
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  /** Starts the server and returns once it logs that it is running. */
  public static CairnProcess start(Path home, int port) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command()).directory(home.toFile());
    builder.environment().put("CAIRN_PORT", String.valueOf(port));
    builder.redirectErrorStream(true);
    Process p = builder.start();
    Queue<String> log = new ConcurrentLinkedQueue<>();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = lines.readLine()) != null; ) {
      log.add(line);
      if (line.contains("Server Running")) {
        Thread reader = Thread.ofVirtual().start(() -> drain(lines, log));
        return new CairnProcess(p, reader, home, port, log);
      }
    }
    throw new AssertionError("server exited before it was running:\n" + String.join("\n", log));
  }

  /** Reads the log to its end; {@link Process#destroyForcibly} closes the stream first. */
  private static void drain(BufferedReader lines, Queue<String> log) {
    try {
      lines.lines().forEach(log::add);
    } catch (UncheckedIOException e) {
      log.add("(log closed: " + e.getCause().getMessage() + ")");
    }
  }

  /**
   * Stops the server with SIGTERM and keeps its log, shutdown included, beside the data. Through
   * the process handle, because {@link Process#destroy} would close the log before the shutdown is
   * written to it.
   */
  public void stop() throws InterruptedException, IOException {
    if (!process.isAlive()) {
      log.add("(the server had exited, status " + process.exitValue() + ")");
    }
    process.toHandle().destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    reader.join(Duration.ofSeconds(10));
    Files.write(home.resolve("serve-" + port + ".log"), log);
  }

  public void assertNotLogged(String text) {
    assertTrue(
        log.stream().noneMatch(l -> l.contains(text)),
        text + " in the log:\n" + String.join("\n", log));
  }

  /** Runs {@code user add NAME --password-stdin} and returns the token it prints. */
  public static String userAdd(Path home, String name, String password) {
    try {
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts the jar with a command ({@code import FILE --user NAME}, …) in {@code home}. */
  public static Process launch(Path home, String... args) throws IOException {
    return launch(home, List.of(), args);
  }

  /** Starts the jar with these JVM options and a command in {@code home}; output to command.log. */
  public static Process launch(Path home, List<String> jvmOptions, String... args)
      throws IOException {
    List<String> command = command(args);
    command.addAll(1, jvmOptions);
    return new ProcessBuilder(command)
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(home.resolve("command.log").toFile())
        .start();
  }

  /**
   * The jar, with C1 only and the serial collector: these JVMs live for seconds on two cores, where
   * starting them is most of the test's time.
   */
  private static List<String> command(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                JAVA,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                JAR.toString()));
    command.addAll(List.of(args));
    return command;
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
