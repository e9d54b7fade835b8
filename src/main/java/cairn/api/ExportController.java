package cairn.api;

import cairn.exchange.BookmarkFormat;
import cairn.exchange.ExportService;
import cairn.input.InvalidInputException;
import cairn.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.LocalDate;

/**
 * {@code GET /api/v1/exports?format=netscape|pinboard-json|delicious-xml}: everything you saved,
 * private bookmarks included, as a download, streamed from the store as it is sent.
 */
@Controller("/api/v1/exports")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ExportController {
  private final ExportService exports;
  private final Clock clock;

  ExportController(ExportService exports, Clock clock) {
    this.exports = exports;
    this.clock = clock;
  }

  @Get
  HttpResponse<StreamedFile> export(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer,
      @Nullable @QueryValue String format) {
    if (format == null) {
      throw new InvalidInputException(
          "format", "is required: netscape, pinboard-json or delicious-xml");
    }
    BookmarkFormat chosen = BookmarkFormat.named("format", format);
    String fileName =
        "cairn-" + viewer.name() + "-" + LocalDate.now(clock) + "." + chosen.extension();
    MediaType type = MediaType.of(chosen.mediaType() + ";charset=utf-8");
    return HttpResponse.ok(new StreamedFile(exports.open(viewer.id(), viewer.name(), chosen), type))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
  }
}
