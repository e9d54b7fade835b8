package cairn.bench;

import static cairn.bench.Targets.fmt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The single-figure rows of a report: load, import (B8), start-up and memory (B11), rebuild (B12).
 */
final class Facts {
  private Facts() {}

  static void footprint(
      Report report,
      Targets t,
      CairnServer server,
      long[] rebuilt,
      double idleMB,
      double afterMB,
      Map<String, Object> prepared)
      throws IOException {
    var facts = report.facts;
    long load = number(prepared, "load_ms");
    facts.add(
        new Report.Fact(
            "load",
            "generate + bulk-load the store (jOOQ batches, journal rows; not the import path)",
            String.format("%,d ms = %,d bookmarks/s", load, number(prepared, "load_per_second")),
            String.format("build from the store: %,d ms", number(prepared, "sql_build_ms")),
            "—",
            "—"));
    facts.add(
        new Report.Fact(
            "B11",
            "start-up to the first 200 (index present)",
            String.format("%,d ms", server.startupMillis),
            "—",
            "< " + fmt(t.b11StartMillis) + " ms",
            verdict(server.startupMillis < t.b11StartMillis)));
    facts.add(
        new Report.Fact(
            "B11",
            "RSS idle after start",
            fmt(idleMB) + " MB",
            "—",
            "< " + fmt(t.b11RssMiB) + " MB",
            verdict(idleMB < t.b11RssMiB)));
    facts.add(
        new Report.Fact(
            "B11",
            "RSS after the scenarios and B9 (peak)",
            fmt(afterMB) + " MB (" + fmt(server.peakRssMB()) + ")",
            "—",
            "< " + fmt(t.b11RssMiB) + " MB",
            verdict(afterMB < t.b11RssMiB)));
    String rebuild =
        rebuilt == null
            ? "not measured (index reused: bench.reuseIndex)"
            : String.format(
                "%,d ms for %,d bookmarks (first start to 200: %,d ms)",
                rebuilt[1], rebuilt[0], rebuilt[2]);
    facts.add(
        new Report.Fact(
            "B12",
            "rebuild the index from the store (first start on a store without index)",
            rebuild,
            String.format(
                "whole build incl. FTS5 and indexes: %,d ms", number(prepared, "sql_build_ms")),
            "< " + fmt(t.b12Millis / 1000) + " s",
            rebuilt == null ? "—" : verdict(rebuilt[1] < t.b12Millis)));
  }

  /**
   * B8: {@code cairn import} of a 10k-bookmark Netscape file and Pinboard JSON file into new users
   * beside the running server, then of the Netscape file again while recording the JDK's AOT cache
   * and once with it. Pending (and said so) while the jar has no import command.
   */
  static void imports(
      Report report, Targets t, CairnServer server, Path root, Map<String, Object> prepared)
      throws Exception {
    Path data = root.resolve("run").resolve("data");
    Path log = root.resolve("run").resolve("cli.log");
    if (!CairnServer.command(data, log, null, "--help").output().contains(" import ")) {
      report.facts.add(
          new Report.Fact(
              "B8",
              "import 10k bookmarks (Netscape HTML, Pinboard JSON)",
              "pending: this jar has no `import` command yet; the bulk loader above is not the import path",
              "—",
              "≥ " + fmt(t.b8PerSecond) + " /s",
              "pending"));
      return;
    }
    Path files = Prepare.importSample(root.resolve("b8"));
    // the JDK's AOT cache as the README describes it: recorded by one import, used by the next
    Path cache = root.resolve("b8").resolve("cairn.aot");
    Files.deleteIfExists(cache);
    List<List<String>> runs =
        List.of(
            List.of(), List.of("-XX:AOTCacheOutput=" + cache), List.of("-XX:AOTCache=" + cache));
    for (List<String> jvm : runs) {
      // the cache is measured on the Netscape file only: start-up is the same for every format
      for (String format : jvm.isEmpty() ? List.of("html", "json") : List.of("html")) {
        importOnce(report, t, data, log, files, format, jvm);
      }
    }
  }

  private static void importOnce(
      Report report, Targets t, Path data, Path log, Path files, String format, List<String> jvm)
      throws Exception {
    String user = "imp_" + format + "_" + Long.toString(System.nanoTime() % 1_000_000, 36);
    CairnServer.command(
        data, log, StoreLoader.PASSWORD + "\n", "user", "add", user, "--password-stdin");
    Path file = files.resolve("bench." + format);
    CairnServer.Cli done =
        CairnServer.command(
            jvm, data, log, null, "import", file.toAbsolutePath().toString(), "--user", user);
    String how =
        jvm.isEmpty()
            ? ""
            : jvm.getFirst().startsWith("-XX:AOTCacheOutput")
                ? ", recording the AOT cache"
                : ", with the AOT cache";
    double perSecond = Dataset.D10K.bookmarks * 1000.0 / Math.max(1, done.millis());
    report.facts.add(
        new Report.Fact(
            "B8",
            "`cairn import` "
                + file.getFileName()
                + " ("
                + Files.size(file) / 1000
                + " kB), wall time incl. JVM start"
                + how,
            done.exit() == 0
                ? String.format("%,d ms = %,.0f bookmarks/s", done.millis(), perSecond)
                : "failed (exit " + done.exit() + "), see run/cli.log",
            "—",
            "≥ " + fmt(t.b8PerSecond) + " /s",
            done.exit() == 0 ? verdict(perSecond >= t.b8PerSecond) : "**missed**: failed"));
  }

  static String mixedVerdict(List<Report.Level> levels, Targets t) {
    Report.Level best = null;
    for (Report.Level l : levels) {
      boolean bounded = Double.isNaN(t.b9P95) || l.cairn().p95() <= t.b9P95;
      if (bounded
          && l.cairn().errors() == 0
          && (best == null || l.cairn().perSecond() > best.cairn().perSecond())) {
        best = l;
      }
    }
    String target = "≥ " + fmt(t.b9PerSecond) + " req/s at p95 ≤ " + fmt(t.b9P95) + " ms";
    if (best == null) {
      return "**missed** ("
          + target
          + "): no client count kept p95 within the bound without errors";
    }
    String figure =
        fmt(best.cairn().perSecond())
            + " req/s at p95 "
            + fmt(best.cairn().p95())
            + " ms with "
            + best.clients()
            + " clients";
    return (best.cairn().perSecond() >= t.b9PerSecond ? "met" : "**missed**")
        + " ("
        + target
        + "): best "
        + figure;
  }

  private static String verdict(boolean met) {
    return met ? "met" : "**missed**";
  }

  private static long number(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v instanceof Number n ? n.longValue() : -1;
  }
}
