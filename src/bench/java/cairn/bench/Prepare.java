package cairn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * Makes a dataset ready once and keeps it under {@code target/bench/D/}: {@code pristine/cairn.db}
 * (the store, loaded by {@link StoreLoader}), {@code files/} (the same bookmarks as import files),
 * {@code sql.db} (the plain-SQL design) and {@code prepare.json} (how long each took). Later runs
 * reuse it unless {@code bench.regenerate=true}; each run works on a copy.
 */
final class Prepare {
  private Prepare() {}

  static Map<String, Object> ensure(Dataset dataset, Path root, boolean files, boolean regenerate)
      throws Exception {
    Path facts = root.resolve("prepare.json");
    ObjectMapper json = new ObjectMapper();
    if (!regenerate && Files.exists(facts) && Files.exists(root.resolve("sql.db"))) {
      @SuppressWarnings("unchecked")
      Map<String, Object> earlier = json.readValue(facts.toFile(), Map.class);
      earlier.put("reused", true);
      return earlier;
    }
    delete(root);
    Files.createDirectories(root.resolve("pristine"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("bookmarks", dataset.bookmarks);
    out.put("users", dataset.users);
    long start = System.nanoTime();
    Generator generator = new Generator(dataset);
    long[] counts = load(dataset, generator, root, files);
    long loadMillis = (System.nanoTime() - start) / 1_000_000;
    out.put("load_ms", loadMillis);
    out.put("load_per_second", dataset.bookmarks * 1000L / Math.max(1, loadMillis));
    out.put("tag_rows", counts[0]);
    out.put("tag_links", counts[1]);
    out.put(
        "files",
        files
            ? "files/NAME.json (Pinboard posts/all)"
                + (dataset.users <= ImportFiles.NETSCAPE_MAX_USERS
                    ? " and files/NAME.html (Netscape)"
                    : "")
            : "not written");
    System.out.printf("Loaded %,d bookmarks in %,d ms%n", dataset.bookmarks, loadMillis);
    long sql =
        SqlDesign.build(root.resolve("pristine").resolve("cairn.db"), root.resolve("sql.db"));
    out.put("sql_build_ms", sql);
    out.put("cairn_db_bytes", Files.size(root.resolve("pristine").resolve("cairn.db")));
    out.put("sql_db_bytes", Files.size(root.resolve("sql.db")));
    out.put("prepared_at", java.time.Instant.now().toString());
    System.out.printf("Built the plain-SQL store in %,d ms%n", sql);
    json.writerWithDefaultPrettyPrinter().writeValue(facts.toFile(), out);
    out.put("reused", false);
    return out;
  }

  /**
   * One pass of the generator feeding the store loader (this thread) and the file writer (another
   * thread, a few batches behind at most): both cores busy, one copy of the data in flight.
   */
  private static long[] load(Dataset dataset, Generator generator, Path root, boolean files)
      throws Exception {
    ExecutorService writer = Executors.newSingleThreadExecutor();
    Semaphore inFlight = new Semaphore(8);
    try (StoreLoader store =
            new StoreLoader(dataset, generator.tagNames(), root.resolve("pristine"));
        ImportFiles out =
            files ? new ImportFiles(dataset, generator.tagNames(), root.resolve("files")) : null) {
      List<Future<?>> written = new java.util.ArrayList<>();
      generator.generate(
          1_000,
          batch -> {
            if (out != null) {
              inFlight.acquireUninterruptibly();
              written.add(
                  writer.submit(
                      () -> {
                        try {
                          out.accept(batch);
                        } finally {
                          inFlight.release();
                        }
                      }));
            }
            store.accept(batch);
          });
      for (Future<?> f : written) {
        f.get();
      }
      writer.shutdown();
      return new long[] {store.tagRows, store.links};
    } finally {
      writer.shutdownNow();
    }
  }

  /** Writes the 10k-bookmark D10k files for B8 (import) under {@code dir}, once. */
  static Path importSample(Path dir) throws Exception {
    Path json = ImportFiles.pinboardFile(dir, Dataset.D10K, 0);
    if (!Files.exists(json)) {
      Generator generator = new Generator(Dataset.D10K);
      try (ImportFiles files = new ImportFiles(Dataset.D10K, generator.tagNames(), dir)) {
        generator.generate(1_000, files::accept);
      }
    }
    return dir;
  }

  /**
   * A fresh working copy of the pristine store: {@code run/data/cairn.db} and {@code run/sql.db}.
   */
  static void copyForRun(Path root, Path run) throws IOException {
    delete(run);
    Files.createDirectories(run.resolve("data"));
    Files.copy(
        root.resolve("pristine").resolve("cairn.db"), run.resolve("data").resolve("cairn.db"));
    Files.copy(root.resolve("sql.db"), run.resolve("sql.db"));
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static List<String> list(String csv) {
    return csv == null || csv.isBlank() ? List.of() : List.of(csv.split("\\s*,\\s*"));
  }
}
