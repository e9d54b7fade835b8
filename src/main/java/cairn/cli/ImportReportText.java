package cairn.cli;

import cairn.exchange.ImportReport;
import cairn.exchange.ImportReport.Skipped;
import java.io.PrintStream;

/** An import report as people read it on a terminal. */
final class ImportReportText {
  private ImportReportText() {}

  static void print(ImportReport r, String fileName, PrintStream out) {
    out.printf(
        "Imported %s (%s) in %.1f s: %,d entries read%n",
        fileName, r.format().id(), r.millis() / 1000.0, r.read());
    out.printf("  %,d new bookmarks%n", r.imported());
    out.printf("  %,d merged into bookmarks you had%n", r.merged());
    out.printf("  %,d unchanged (you had everything they say)%n", r.unchanged());
    if (r.joinedTags() > 0) {
      out.printf("  %,d tags with spaces kept as one tag, e.g.%n", r.joinedTags());
      for (ImportReport.JoinedTag t : r.joinedExamples()) {
        out.printf("    \"%s\" → %s%n", t.written(), t.saved());
      }
    }
    out.printf("  %,d skipped%n", r.skippedCount());
    for (Skipped s : r.skipped()) {
      out.printf(
          "    entry %d%s%s: %s %s%n",
          s.position(),
          s.line() > 0 ? " (line " + s.line() + ")" : "",
          s.url().isEmpty() ? "" : " " + s.url(),
          s.field(),
          s.reason());
    }
    if (r.skippedCount() > r.skipped().size()) {
      out.printf("    … and %,d more%n", r.skippedCount() - r.skipped().size());
    }
    if (r.error() != null) {
      out.printf(
          "The file breaks off: it %s. The entries before that point were imported.%n", r.error());
    }
  }
}
