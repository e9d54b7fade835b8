package cairn.api;

import cairn.exchange.ImportJob;
import cairn.exchange.ImportReport;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An import job as the API shows it: {@code state} is queued, running, done, refused or failed;
 * {@code progress} counts entries and bytes read of the file's size; {@code report} is there once
 * done, {@code problem} once refused or failed.
 */
record ImportJobResponse(
    String id,
    String state,
    String fileName,
    Instant created,
    Progress progress,
    @Nullable Report report,
    @Nullable Problem problem) {

  record Progress(long entries, long bytes, long totalBytes) {}

  record Report(
      String format,
      long read,
      long imported,
      long merged,
      long unchanged,
      long skippedCount,
      List<ImportReport.Skipped> skipped,
      long joinedTags,
      List<ImportReport.JoinedTag> joinedExamples,
      @Nullable String error,
      boolean complete,
      long millis) {}

  record Problem(@Nullable String field, String detail) {}

  static ImportJobResponse of(ImportJob job) {
    ImportReport r = job.report();
    Report report =
        r == null
            ? null
            : new Report(
                r.format().id(),
                r.read(),
                r.imported(),
                r.merged(),
                r.unchanged(),
                r.skippedCount(),
                r.skipped(),
                r.joinedTags(),
                r.joinedExamples(),
                r.error(),
                r.complete(),
                r.millis());
    return new ImportJobResponse(
        job.id(),
        job.state().name().toLowerCase(Locale.ROOT),
        job.fileName(),
        job.created(),
        new Progress(job.entries(), job.bytes(), job.totalBytes()),
        report,
        job.problem() == null ? null : new Problem(job.problemField(), job.problem()));
  }
}
