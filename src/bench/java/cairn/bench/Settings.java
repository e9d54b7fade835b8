package cairn.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The run's knobs, from system properties ({@code -Dbench.…} on the Maven command line), with
 * defaults per dataset that keep D10k under five minutes and give D1M and D10M their 60 s B9.
 */
record Settings(
    Dataset dataset,
    Scenarios.Surface surface,
    Duration warmup,
    Duration measure,
    Duration globalWarmup,
    List<Integer> mixedClients,
    Duration mixedWarmup,
    Duration mixedMeasure,
    boolean files,
    boolean regenerate,
    boolean sql,
    List<String> only,
    List<String> serverJvm,
    Duration quietWait,
    boolean reuseIndex) {

  static Settings fromSystemProperties() {
    Dataset d = Dataset.parse(prop("bench.dataset", "D10k"));
    boolean small = d == Dataset.D10K;
    return new Settings(
        d,
        Scenarios.Surface.valueOf(prop("bench.surface", "api").toUpperCase()),
        seconds("bench.warmup", small ? 1 : 2),
        seconds("bench.measure", small ? 3 : 10),
        seconds("bench.globalWarmup", small ? 6 : 20),
        Arrays.stream(prop("bench.b9.clients", "4,16,32").split(","))
            .map(String::strip)
            .map(Integer::valueOf)
            .toList(),
        seconds("bench.b9.warmup", small ? 2 : 5),
        seconds("bench.b9.seconds", small ? 6 : 60),
        Boolean.parseBoolean(prop("bench.files", Boolean.toString(d != Dataset.D10M))),
        Boolean.parseBoolean(prop("bench.regenerate", "false")),
        !Boolean.parseBoolean(prop("bench.skipSql", "false")),
        Prepare.list(prop("bench.only", "")),
        Arrays.stream(prop("bench.serverJvm", "").strip().split("\\s+"))
            .filter(s -> !s.isEmpty())
            .toList(),
        seconds("bench.quietWait", small ? 5 : 30),
        Boolean.parseBoolean(prop("bench.reuseIndex", "false")));
  }

  private static Duration seconds(String property, double fallback) {
    return Duration.ofMillis(
        (long) (1000 * Double.parseDouble(prop(property, Double.toString(fallback)))));
  }

  /** A property's value; blank (as Maven passes an unset one) means the fallback. */
  private static String prop(String name, String fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  /** Whether scenario {@code id} runs ({@code bench.only} empty: all). */
  boolean runs(String id) {
    // B6r, B6a, … also run for "B6"; B10 does not run for "B1"
    return only.isEmpty() || only.contains(id) || only.contains(id.replaceAll("[a-z]+$", ""));
  }
}
