package cairn.bench;

import cairn.db.StoreOnly;
import cairn.exchange.BookmarkFormat;
import cairn.exchange.ImportOptions;
import cairn.exchange.ImportProgress;
import cairn.exchange.ImportReport;
import cairn.exchange.ImportService;
import cairn.input.InvalidInputException;
import cairn.user.UserService;
import io.micronaut.context.ApplicationContext;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The import report of every file under {@code ../shared/fixtures} (or the folder given), each into
 * a fresh account of one store, then imported a second time into the same account: a Markdown table
 * of read, imported, merged, unchanged and skipped entries with the reasons, written to {@code
 * target/bench/fixture-imports.md}. For the record of what real files do; the assertions are in
 * {@code SharedFixturesImportTest}.
 *
 * <p>Run after {@code mvn test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/classpath.txt}: {@code java --enable-native-access=ALL-UNNAMED -cp
 * target/test-classes:target/classes:$(cat target/classpath.txt) cairn.bench.FixtureImports}.
 */
public final class FixtureImports {
  private FixtureImports() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "../shared/fixtures");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(
                  f -> !f.getFileName().toString().matches("(?i)README.*|PROVENANCE.*|SHA256.*"))
              .sorted()
              .toList();
    }
    Path data = Files.createTempDirectory("cairn-fixture-imports-");
    StringBuilder md =
        new StringBuilder(
            "| file | format | read | imported | merged | unchanged | skipped (reasons) |"
                + " multi-word tags joined | quotes found | again: imported / merged | ms |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|\n");
    long totalRead = 0;
    long totalImported = 0;
    long totalSkipped = 0;
    try (ApplicationContext context =
        ApplicationContext.builder()
            .environments(StoreOnly.ENVIRONMENT)
            .properties(Map.of("cairn.data-dir", data.toString()))
            .start()) {
      UserService users = context.getBean(UserService.class);
      ImportService imports = context.getBean(ImportService.class);
      int n = 0;
      for (Path file : files) {
        long user = users.create("fixture" + n++, "password-f").user().id();
        String name = root.relativize(file).toString();
        ImportReport first;
        try {
          first = importOnce(imports, user, file);
        } catch (InvalidInputException refused) {
          md.append(
              String.format(
                  "| %s | refused: %s | | | | | | | | | |%n", name, refused.getMessage()));
          continue;
        }
        ImportReport again = importOnce(imports, user, file);
        totalRead += first.read();
        totalImported += first.imported();
        totalSkipped += first.skippedCount();
        md.append(
            String.format(
                "| %s | %s | %,d | %,d | %,d | %,d | %s | %,d | %,d | %,d / %,d | %,d |%n",
                name,
                first.format(),
                first.read(),
                first.imported(),
                first.merged(),
                first.unchanged(),
                skipped(first),
                first.joinedTags(),
                quotes(first.format(), file),
                again.imported(),
                again.merged(),
                first.millis()));
      }
    }
    md.append(
        String.format(
            "%n%d files: %,d entries read, %,d imported, %,d skipped.%n",
            files.size(), totalRead, totalImported, totalSkipped));
    Path out = Path.of("target", "bench", "fixture-imports.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md);
    System.out.print(md);
  }

  private static ImportReport importOnce(ImportService imports, long user, Path file)
      throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return imports.importFile(
          user, in, file.getFileName().toString(), ImportOptions.DEFAULTS, ImportProgress.NONE);
    }
  }

  /** Quotes the format's reader finds in the file, folders and tags as the defaults have them. */
  private static long quotes(BookmarkFormat format, Path file) throws IOException {
    long[] quotes = {0};
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      format.reader(true).read(in, e -> quotes[0] += e.quotes().size());
    }
    return quotes[0];
  }

  /** "3 (url: no URL ×2; url: scheme ×1)", or "0"; the reading error too, if reading broke off. */
  private static String skipped(ImportReport report) {
    Map<String, Long> reasons =
        report.skipped().stream()
            .collect(
                Collectors.groupingBy(
                    s -> s.field() + ": " + s.reason(), TreeMap::new, Collectors.counting()));
    String text =
        reasons.isEmpty()
            ? Long.toString(report.skippedCount())
            : report.skippedCount()
                + " ("
                + reasons.entrySet().stream()
                    .map(e -> e.getKey().replace("|", "/") + " ×" + e.getValue())
                    .collect(Collectors.joining("; "))
                + ")";
    return report.complete() ? text : text + "; reading stopped: " + report.error();
  }
}
