package cairn.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code target/cairn.jar} run as its own process on a free loopback port, as a user runs it
 * ({@code java --enable-native-access=ALL-UNNAMED -jar cairn.jar}, plus {@code bench.serverJvm}
 * flags), with its output in a log file beside the data. Start-up is timed to the first 200 from
 * {@code /health}; memory is read from {@code /proc/PID/status}.
 */
final class CairnServer implements AutoCloseable {
  /** The jar under test: {@code target/cairn.jar}, or {@code bench.jar} (to compare builds). */
  static final Path JAR = jar();

  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
  private static final Pattern REBUILT =
      Pattern.compile("Rebuilt the index .*: (\\d+) bookmarks in (\\d+) ms");

  final Process process;
  final int port;
  final Path log;
  final long startupMillis;

  private CairnServer(Process process, int port, Path log, long startupMillis) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.startupMillis = startupMillis;
  }

  private static Path jar() {
    String given = System.getProperty("bench.jar", "");
    return (given.isBlank() ? Path.of("target", "cairn.jar") : Path.of(given)).toAbsolutePath();
  }

  /** Starts the jar on {@code dataDir} and returns once {@code /health} answers 200. */
  static CairnServer start(Path dataDir, String logName, List<String> jvmFlags) throws Exception {
    return start(JAR, dataDir, logName, jvmFlags);
  }

  /** Starts {@code jar} (another build, to compare) on {@code dataDir}. */
  static CairnServer start(Path jar, Path dataDir, String logName, List<String> jvmFlags)
      throws Exception {
    int port = freePort();
    Path log = dataDir.resolveSibling(logName);
    List<String> command = new ArrayList<>(List.of(JAVA, "--enable-native-access=ALL-UNNAMED"));
    command.addAll(jvmFlags);
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dataDir.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("CAIRN_DATA_DIR", dataDir.toAbsolutePath().toString());
    builder.environment().put("CAIRN_PORT", Integer.toString(port));
    long start = System.nanoTime();
    Process process = builder.start();
    try (LoopbackHttp http = new LoopbackHttp(port)) {
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException("Cairn exited at start; see " + log);
        }
        try {
          if (http.get("/health", null).status() == 200) {
            break;
          }
        } catch (IOException notYet) {
          http.close();
        }
        Thread.sleep(5);
      }
    }
    return new CairnServer(process, port, log, (System.nanoTime() - start) / 1_000_000);
  }

  /** Resident memory now, in MB ({@code VmRSS}; 10^6 bytes, as the targets count). */
  double rssMB() throws IOException {
    return statusKiB("VmRSS:") * 1024 / 1e6;
  }

  /** The most resident memory so far, in MB ({@code VmHWM}). */
  double peakRssMB() throws IOException {
    return statusKiB("VmHWM:") * 1024 / 1e6;
  }

  private long statusKiB(String field) throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
      }
    }
    throw new IOException(field + " not in /proc status");
  }

  /** The index rebuild the server logged at start, as {bookmarks, ms}, or null. */
  long[] rebuild() throws IOException {
    Matcher m = REBUILT.matcher(Files.readString(log));
    return m.find() ? new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))} : null;
  }

  /** SIGTERM, then waits for the orderly shutdown (the index commits on close). */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** What a CLI command did: exit code, wall time (JVM start included) and its output. */
  record Cli(int exit, long millis, String output) {}

  /** Runs a CLI command of the jar on {@code dataDir}, appending its output to {@code log}. */
  static Cli command(Path dataDir, Path log, String stdin, String... args) throws Exception {
    return command(List.of(), dataDir, log, stdin, args);
  }

  /** Runs a CLI command of the jar with these JVM options first (an AOT cache, say). */
  static Cli command(List<String> jvmOptions, Path dataDir, Path log, String stdin, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(JAVA, "--enable-native-access=ALL-UNNAMED"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dataDir.getParent().toFile())
            .redirectErrorStream(true);
    builder.environment().put("CAIRN_DATA_DIR", dataDir.toAbsolutePath().toString());
    long start = System.nanoTime();
    Process p = builder.start();
    try (var in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    long millis = (System.nanoTime() - start) / 1_000_000;
    Files.writeString(
        log,
        "$ cairn " + String.join(" ", args) + "\n" + output,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    return new Cli(p.exitValue(), millis, output);
  }
}
