package cairn.bench;

import java.util.Arrays;

/**
 * What a measured run gives: latency percentiles over every measured request, throughput and
 * errors. Latencies are exact (every sample is kept), not bucketed.
 */
record Stats(
    long count,
    long errors,
    double seconds,
    int clients,
    double p50,
    double p95,
    double p99,
    double max) {

  static final Stats NONE = new Stats(0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  static Stats of(long[] nanos, long errors, double seconds, int clients) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Stats(
        sorted.length,
        errors,
        seconds,
        clients,
        ms(sorted, 0.50),
        ms(sorted, 0.95),
        ms(sorted, 0.99),
        sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
  }

  /** Nearest-rank percentile, in milliseconds. */
  private static double ms(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  double perSecond() {
    return seconds > 0 ? count / seconds : Double.NaN;
  }
}
