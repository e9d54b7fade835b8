package cairn.cli;

import cairn.exchange.ImportProgress;
import java.io.Console;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows an import's progress on stderr: a progress bar over the file's bytes on a terminal, and
 * without one (CI, pipes, logs) a plain line every few seconds, since a redrawn bar would fill a
 * log with carriage returns.
 */
final class ImportProgressBar implements ImportProgress, AutoCloseable {
  /** How often a plain line is written when there is no terminal. */
  private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

  private final PrintStream err;
  private final long size;
  private final ProgressBar bar;
  private long lastLine = System.nanoTime();

  private ImportProgressBar(PrintStream err, long size, ProgressBar bar) {
    this.err = err;
    this.size = size;
    this.bar = bar;
  }

  /** A display for a file of {@code size} bytes: a bar when stderr is a terminal. */
  static ImportProgressBar start(PrintStream err, long size, String fileName) {
    Console console = System.console();
    if (console == null || !console.isTerminal()) {
      return new ImportProgressBar(err, size, null);
    }
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("Importing " + fileName)
            .setInitialMax(Math.max(size, 1))
            .setUnit(" MB", 1 << 20)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new ConsoleProgressBarConsumer(err))
            .setUpdateIntervalMillis(250)
            .build();
    return new ImportProgressBar(err, size, bar);
  }

  @Override
  public void progressed(long entries, long bytes) {
    if (bar != null) {
      bar.stepTo(bytes);
      bar.setExtraMessage(String.format("%,d entries", entries));
    } else if (System.nanoTime() - lastLine >= PLAIN_EVERY_NANOS) {
      lastLine = System.nanoTime();
      err.printf(
          "importing: %,d entries read, %d%% of the file%n",
          entries, size <= 0 ? 0 : Math.min(100, bytes * 100 / size));
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.stepTo(size);
      bar.close();
    }
  }
}
