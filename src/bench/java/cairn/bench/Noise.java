package cairn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much CPU other processes took while we measured, from {@code /proc/stat} minus this JVM and
 * the server: the machine is shared, so each figure comes with the noise it was taken in. Also
 * waits, within a bound, for a quiet moment before measuring.
 */
final class Noise {
  private static final double TICKS_PER_SECOND = 100;
  private final long[] servers;
  private long busy;
  private long ours;
  private long nanos;

  Noise(long... serverPids) {
    this.servers = serverPids;
    mark();
  }

  /** Starts a new interval. */
  void mark() {
    busy = systemBusyTicks();
    ours = ourTicks();
    nanos = System.nanoTime();
  }

  /** Cores' worth of CPU other processes used since {@link #mark}. */
  double others() {
    double seconds = (System.nanoTime() - nanos) / 1e9;
    long otherTicks = systemBusyTicks() - busy - (ourTicks() - ours);
    return Math.max(0, otherTicks / TICKS_PER_SECOND / seconds);
  }

  /**
   * Waits until other processes use less than {@code cores} over one second, at most {@code
   * maxMillis}; returns how long it waited.
   */
  long awaitQuiet(double cores, long maxMillis) throws InterruptedException {
    long start = System.nanoTime();
    while (true) {
      mark();
      Thread.sleep(1_000);
      long waited = (System.nanoTime() - start) / 1_000_000;
      if (others() < cores || waited >= maxMillis) {
        return waited - 1_000;
      }
    }
  }

  private long ourTicks() {
    long ticks = processTicks(ProcessHandle.current().pid());
    for (long pid : servers) {
      ticks += processTicks(pid);
    }
    return ticks;
  }

  private static long systemBusyTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal
      return Long.parseLong(f[1])
          + Long.parseLong(f[2])
          + Long.parseLong(f[3])
          + Long.parseLong(f[6])
          + Long.parseLong(f[7])
          + Long.parseLong(f[8]);
    } catch (IOException e) {
      return 0;
    }
  }

  private static long processTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields after the name: state(0) … utime(11) stime(12) cutime(13) cstime(14)
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
