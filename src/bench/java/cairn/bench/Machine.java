package cairn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The setup lines of a report: data, machine, JVMs, surface and durations. */
final class Machine {
  private Machine() {}

  static void describe(Report report, Settings s, Map<String, Object> prepared) throws IOException {
    Dataset d = s.dataset();
    var setup = report.setup;
    setup.put(
        "dataset",
        String.format(
            "%s: %,d bookmarks, %,d users, %,d tag vocabulary, %s (%,d per-user tag rows, %,d tag links)",
            d.label(),
            d.bookmarks,
            d.users,
            d.tags,
            d.halfPrivate ? "half private" : "all public",
            ((Number) prepared.get("tag_rows")).longValue(),
            ((Number) prepared.get("tag_links")).longValue()));
    setup.put(
        "machine",
        cpu()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores, "
            + memory()
            + ", load average at start "
            + loadAverage());
    setup.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    setup.put(
        "server",
        "target/cairn.jar as its own process: java --enable-native-access=ALL-UNNAMED "
            + String.join(" ", s.serverJvm())
            + (s.serverJvm().isEmpty() ? "" : " ")
            + "-jar "
            + CairnServer.JAR.getFileName()
            + " (default heap and GC), on 127.0.0.1; the load generator shares the 2 cores");
    setup.put(
        "listing surface",
        s.surface() == Scenarios.Surface.API
            ? "JSON API /api/v1/bookmarks (-Dbench.surface=pages measures B1–B4 and B10 on the HTML pages instead)"
            : "HTML pages /u:NAME/t:A, /t:A (anonymous)");
    setup.put(
        "method",
        String.format(
            "closed loop on keep-alive connections; per scenario %.0f s warm-up then %.0f s measured (one client), after a %.0f s warm-up of all reads; B9 %.0f s + %.0f s per client count; query sets sampled from 2,000 random bookmarks (seed fixed)",
            s.warmup().toMillis() / 1e3,
            s.measure().toMillis() / 1e3,
            s.globalWarmup().toMillis() / 1e3,
            s.mixedWarmup().toMillis() / 1e3,
            s.mixedMeasure().toMillis() / 1e3));
    setup.put(
        "plain SQL",
        "toxi schema (bookmarks, global tags, bookmark_tags clustered by tag) + FTS5, same data in its own SQLite file, ANALYZEd, 64 MiB cache; JDBC in the benchmark JVM (no HTTP, so its figures leave out ~0.1–0.3 ms of transport)");
    setup.put(
        "prepared",
        Boolean.TRUE.equals(prepared.get("reused"))
            ? "reused from " + prepared.get("prepared_at")
            : "this run");
  }

  private static String cpu() throws IOException {
    return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
        .filter(l -> l.startsWith("model name"))
        .findFirst()
        .map(l -> l.substring(l.indexOf(':') + 1).strip())
        .orElse("unknown CPU");
  }

  private static String memory() throws IOException {
    return Files.readAllLines(Path.of("/proc/meminfo")).stream()
        .filter(l -> l.startsWith("MemTotal:"))
        .findFirst()
        .map(
            l ->
                String.format(
                    "%.0f GiB RAM", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
        .orElse("");
  }

  static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
  }
}
