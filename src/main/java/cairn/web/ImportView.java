package cairn.web;

import cairn.exchange.ImportJob;
import cairn.exchange.ImportReport;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** An import's page: progress while it runs, then what it did and what it skipped, and why. */
public record ImportView(
    PageView page,
    String fileName,
    String state,
    boolean running,
    long entries,
    int percent,
    @Nullable ImportReport report,
    @Nullable String problem,
    List<ImportReport.Skipped> skipped) {

  static ImportView of(PageView page, ImportJob job) {
    boolean running =
        job.state() == ImportJob.State.QUEUED || job.state() == ImportJob.State.RUNNING;
    int percent =
        job.totalBytes() == 0 ? 100 : (int) Math.min(100, job.bytes() * 100 / job.totalBytes());
    ImportReport report = job.report();
    return new ImportView(
        page,
        job.fileName(),
        job.state().name().toLowerCase(java.util.Locale.ROOT),
        running,
        job.entries(),
        percent,
        report,
        job.problem(),
        report == null ? List.of() : report.skipped());
  }
}
