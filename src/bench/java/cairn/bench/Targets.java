package cairn.bench;

import java.util.Map;

/** The targets of BENCHMARKS.md ("Targets"), per dataset; NaN where it sets none. */
final class Targets {
  private static final double NONE = Double.NaN;

  record Latency(double p50, double p95) {
    String text() {
      if (Double.isNaN(p50) && Double.isNaN(p95)) {
        return "—";
      }
      return (Double.isNaN(p50) ? "" : "≤ " + fmt(p50) + " / ") + "≤ " + fmt(p95) + " ms";
    }

    /** Null when met, else what missed; NaN targets are always met. */
    String miss(Stats s) {
      StringBuilder why = new StringBuilder();
      if (s.errors() > 0) {
        why.append(s.errors()).append(" errors; ");
      }
      if (!Double.isNaN(p50) && !(s.p50() <= p50)) {
        why.append("p50 ").append(fmt(s.p50())).append(" > ").append(fmt(p50)).append("; ");
      }
      if (!Double.isNaN(p95) && !(s.p95() <= p95)) {
        why.append("p95 ").append(fmt(s.p95())).append(" > ").append(fmt(p95)).append("; ");
      }
      return why.isEmpty() ? null : why.substring(0, why.length() - 2);
    }

    boolean any() {
      return !Double.isNaN(p50) || !Double.isNaN(p95);
    }
  }

  final Map<String, Latency> latency;
  final double b8PerSecond = 10_000;
  final double b9PerSecond;
  final double b9P95;
  final double b11StartMillis;
  final double b11RssMiB;
  final double b12Millis;

  private Targets(
      Map<String, Latency> latency,
      double b9PerSecond,
      double b9P95,
      double b11StartMillis,
      double b11RssMiB,
      double b12Millis) {
    this.latency = latency;
    this.b9PerSecond = b9PerSecond;
    this.b9P95 = b9P95;
    this.b11StartMillis = b11StartMillis;
    this.b11RssMiB = b11RssMiB;
    this.b12Millis = b12Millis;
  }

  Latency of(String scenario) {
    return latency.getOrDefault(scenario, new Latency(NONE, NONE));
  }

  static Targets of(Dataset d) {
    return switch (d) {
      case D10K ->
          new Targets(
              table(l(2, 5), l(NONE, NONE), l(2, 5), l(3, 8), l(2, 5), l(3, 10)),
              2_000,
              20,
              2_000,
              300,
              2_000);
      case D1M ->
          new Targets(
              table(l(3, 15), l(5, 25), l(5, 30), l(5, 20), l(3, 10), l(3, 10)),
              1_000,
              50,
              3_000,
              600,
              60_000);
      case D10M ->
          new Targets(
              table(l(NONE, 60), l(NONE, 100), l(NONE, 150), l(NONE, 60), l(NONE, 30), l(NONE, 15)),
              200,
              NONE,
              10_000,
              NONE,
              600_000);
    };
  }

  private static Map<String, Latency> table(
      Latency b1b2, Latency b3, Latency b4, Latency b5, Latency b6, Latency b7) {
    return Map.ofEntries(
        Map.entry("B1", b1b2),
        Map.entry("B2", b1b2),
        Map.entry("B3", b3),
        Map.entry("B4", b4),
        Map.entry("B4g", b4),
        Map.entry("B5", b5),
        Map.entry("B6r", b6),
        Map.entry("B6a", b6),
        Map.entry("B6g", b6),
        Map.entry("B7", b7),
        Map.entry("F1", b1b2), // issue 13: feeds have B2's targets
        Map.entry("F2", b1b2));
  }

  private static Latency l(double p50, double p95) {
    return new Latency(p50, p95);
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "—";
    }
    return v >= 100
        ? String.format("%.0f", v)
        : v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
  }
}
