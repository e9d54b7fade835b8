package cairn.bench;

import cairn.browse.ListingService;
import cairn.db.StoreOnly;
import cairn.exchange.ImportOptions;
import cairn.exchange.ImportProgress;
import cairn.exchange.ImportReport;
import cairn.exchange.ImportService;
import cairn.query.Listing;
import cairn.support.GeneratedBookmarks;
import cairn.user.UserService;
import io.micronaut.context.ApplicationContext;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Import throughput with the index included, in one process as the server runs it: imports a file
 * into a fresh data directory, then waits until a listing of the account counts every imported
 * bookmark (the index follows the journal in the background). Prints bookmarks per second for the
 * import alone and until indexed, CPU time, and the peak heap. With {@code
 * -Dcairn.bench.store-only=true} the index is left out.
 *
 * <p>Run after {@code mvn test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/classpath.txt}: {@code java --enable-native-access=ALL-UNNAMED -cp
 * target/test-classes:target/classes:$(cat target/classpath.txt) cairn.bench.ImportBench FILE}, or
 * a number N instead of FILE for a generated file of N bookmarks. {@code -Dcairn.bench.rounds=N}
 * imports it N times, each into a new account of the same store: the first round pays for a cold
 * JVM (the CLI's case; about 20 s of JIT compilation on 2 cores), later ones show a running
 * server's.
 */
public final class ImportBench {
  private ImportBench() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    if (args[0].chars().allMatch(Character::isDigit)) {
      file = Files.createTempFile("cairn-bench-", ".html");
      GeneratedBookmarks.main(new String[] {args[0], file.toString()});
    }
    boolean storeOnly = Boolean.getBoolean("cairn.bench.store-only");
    Path data = Files.createTempDirectory("cairn-import-bench-");
    try (ApplicationContext context =
        ApplicationContext.builder()
            .environments(storeOnly ? StoreOnly.ENVIRONMENT : "bench")
            .properties(Map.of("cairn.data-dir", data.toString()))
            .start()) {
      int rounds = Integer.getInteger("cairn.bench.rounds", 1);
      for (int round = 1; round <= rounds; round++) {
        System.out.printf("round %d of %d%s%n", round, rounds, round == 1 ? " (cold JVM)" : "");
        once(context, "bench" + round, file, storeOnly);
      }
    }
  }

  /** Imports {@code file} into a new account and prints what it took. */
  private static void once(ApplicationContext context, String name, Path file, boolean storeOnly)
      throws IOException {
    long user = context.getBean(UserService.class).create(name, "password-b").user().id();
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    resetPeaks();
    long cpu = os.getProcessCpuTime();
    long thread = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    long indexer = indexerCpu();
    long gc = gcMillis();
    long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    long start = System.nanoTime();
    ImportReport report;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      report =
          context
              .getBean(ImportService.class)
              .importFile(
                  user,
                  in,
                  file.getFileName().toString(),
                  ImportOptions.DEFAULTS,
                  ImportProgress.NONE);
    }
    double imported = seconds(start);
    long listed = storeOnly ? 0 : awaitListed(context, user, report.imported());
    double indexed = seconds(start);
    System.out.printf(
        "%s (%,d bytes): %,d read, %,d imported, %,d skipped%n"
            + "  import: %.2f s = %,.0f bookmarks/s%n"
            + "  import + index caught up (listing counts %,d): %.2f s = %,.0f bookmarks/s%n"
            + "  cpu: process %.1f s, importing thread %.1f s, indexer thread %.1f s;"
            + " GC %.1f s, JIT %.1f s (elapsed in their threads)%n"
            + "  peak heap: %,d MB (max %,d MB)%n",
        file.getFileName(),
        Files.size(file),
        report.read(),
        report.imported(),
        report.skippedCount(),
        imported,
        report.read() / imported,
        listed,
        indexed,
        report.read() / indexed,
        (os.getProcessCpuTime() - cpu) / 1e9,
        (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - thread) / 1e9,
        (indexerCpu() - indexer) / 1e9,
        (gcMillis() - gc) / 1e3,
        (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit) / 1e3,
        peakHeap() >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  /** Lists the account until the index counts {@code expected} bookmarks (or ten minutes pass). */
  private static long awaitListed(ApplicationContext context, long user, long expected) {
    ListingService listings = context.getBean(ListingService.class);
    long start = System.nanoTime();
    long listed;
    do {
      listed = listings.list(Listing.of(user, user)).total();
    } while (listed < expected && seconds(start) < 600);
    return listed;
  }

  /** CPU nanoseconds of the index's journal-tailing thread so far (0 without an index). */
  private static long indexerCpu() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("cairn-indexer"))
        .mapToLong(t -> ManagementFactory.getThreadMXBean().getThreadCpuTime(t.threadId()))
        .sum();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(b -> Math.max(0, b.getCollectionTime()))
        .sum();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed())
        .sum();
  }
}
