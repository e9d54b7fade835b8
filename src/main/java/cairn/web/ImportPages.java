package cairn.web;

import cairn.exchange.BookmarkFormat;
import cairn.exchange.ExportService;
import cairn.exchange.ImportJob;
import cairn.exchange.ImportJobs;
import cairn.exchange.ImportOptions;
import cairn.exchange.UploadLimit;
import cairn.input.InvalidInputException;
import cairn.input.MultipartForm;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The import form in settings: the upload starts a background job, and its page shows the progress
 * (refreshing itself while the job runs) and then the report, skipped entries included.
 */
@Controller("/settings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class ImportPages {
  private final ImportJobs jobs;
  private final UploadLimit limit;
  private final ExportService exports;
  private final Clock clock;

  ImportPages(ImportJobs jobs, UploadLimit limit, ExportService exports, Clock clock) {
    this.jobs = jobs;
    this.limit = limit;
    this.exports = exports;
    this.clock = clock;
  }

  /**
   * The form's fields come before the file, so they are known before the upload is read; the body
   * is read here as it arrives (see {@link MultipartForm}), the file streamed to disk. A file over
   * the limit is refused with the site's error page (the failure rendered for pages by {@link
   * ErrorPages}), which says the limit and leads back to settings.
   */
  @Post(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA)
  HttpResponse<?> upload(Visitor visitor, HttpRequest<?> request, @Body InputStream body)
      throws IOException {
    limit.checkDeclaredMultipart(request.getContentLength());
    MultipartForm.Upload upload =
        MultipartForm.read(body, request.getHeaders().getContentType().orElse(""), "file");
    Map<String, String> fields = upload.fields();
    Forms.requireCsrf(visitor, fields);
    visitor.requireSignedIn();
    try (InputStream file = upload.file()) {
      String format = fields.get("format");
      String tags = fields.get("tags");
      ImportOptions options =
          ImportOptions.of(
              format == null || format.isEmpty()
                  ? null
                  : BookmarkFormat.forImport("format", format),
              fields.containsKey("private"),
              tags == null ? List.of() : List.of(tags),
              fields.containsKey("folder_tags"),
              fields.containsKey("split_tags"));
      ImportJob job = jobs.submit(visitor.id(), jobs.store(file, upload.fileName()), options);
      return Forms.seeOther("/settings/import/" + job.id());
    } catch (InvalidInputException e) {
      return Forms.page(
          io.micronaut.http.HttpStatus.BAD_REQUEST,
          "message",
          new MessageView(
              PageView.of("import", visitor),
              "Not imported",
              e.getMessage(),
              null,
              List.of(),
              null,
              "/settings#import",
              -1));
    }
  }

  /** Everything of the visitor's, private bookmarks included, as a file to keep. */
  @Get("/export")
  HttpResponse<StreamedFile> export(
      Visitor visitor, @QueryValue(defaultValue = "netscape") String format) {
    visitor.requireSignedIn();
    BookmarkFormat chosen = BookmarkFormat.named("format", format);
    String fileName =
        "cairn-" + visitor.name() + "-" + LocalDate.now(clock) + "." + chosen.extension();
    MediaType type = MediaType.of(chosen.mediaType() + ";charset=utf-8");
    return HttpResponse.ok(
            new StreamedFile(exports.open(visitor.id(), visitor.name(), chosen), type))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
  }

  @Get("/import/{id}")
  HttpResponse<?> job(Visitor visitor, String id) {
    visitor.requireSignedIn();
    ImportJob job = jobs.get(visitor.id(), id);
    PageView page = PageView.of("import", visitor);
    return Forms.page(
        "import",
        ImportView.of(
            job.state() == ImportJob.State.QUEUED || job.state() == ImportJob.State.RUNNING
                ? page.refreshingEvery(1)
                : page,
            job));
  }
}
