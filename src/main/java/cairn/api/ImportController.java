package cairn.api;

import cairn.exchange.BookmarkFormat;
import cairn.exchange.ImportJob;
import cairn.exchange.ImportJobs;
import cairn.exchange.ImportOptions;
import cairn.exchange.UploadLimit;
import cairn.exchange.UploadTooLargeException;
import cairn.input.Flags;
import cairn.input.InvalidInputException;
import cairn.input.MultipartForm;
import cairn.user.User;
import io.micronaut.core.convert.value.ConvertibleMultiValues;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code /api/v1/imports}: upload a bookmark file (the raw body, or a multipart {@code file} part)
 * to import into your account. Options are query parameters: {@code format}, {@code private},
 * {@code tag} (repeatable), {@code folder_tags}, {@code split_tags}, {@code file_name}. The answer
 * is 202 with the job at {@code Location}, to poll for progress and the report; with {@code
 * wait=true}, 200 with the finished job. A file that is no bookmark file is a 400 at once, and
 * nothing is written; a file over {@code cairn.import.max-upload-size} is a 413 (as soon as its
 * length or its bytes show it), and nothing is kept.
 */
@Controller("/api/v1/imports")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ImportController {
  private final ImportJobs jobs;
  private final UploadLimit limit;

  ImportController(ImportJobs jobs, UploadLimit limit) {
    this.jobs = jobs;
    this.limit = limit;
  }

  /**
   * The raw body is the file; a multipart body's {@code file} part is (read by Cairn, streamed).
   */
  @Post(consumes = MediaType.ALL)
  HttpResponse<ImportJobResponse> create(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer,
      HttpRequest<?> request,
      @Body InputStream body)
      throws IOException {
    ImportOptions options = options(request.getParameters());
    try {
      if (isMultipart(request)) {
        limit.checkDeclaredMultipart(request.getContentLength());
        MultipartForm.Upload upload =
            MultipartForm.read(body, request.getHeaders().getContentType().orElse(""), "file");
        return start(viewer, request, upload.file(), upload.fileName(), options);
      }
      limit.checkDeclared(request.getContentLength());
      String name = request.getParameters().get("file_name", String.class, "upload");
      return start(viewer, request, body, name, options);
    } catch (UploadTooLargeException e) {
      UploadLimit.drain(body);
      throw e;
    }
  }

  private static boolean isMultipart(HttpRequest<?> request) {
    return request
        .getContentType()
        .map(type -> type.matches(MediaType.MULTIPART_FORM_DATA_TYPE))
        .orElse(false);
  }

  @Get("/{id}")
  ImportJobResponse get(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer, @PathVariable String id) {
    return ImportJobResponse.of(jobs.get(viewer.id(), id));
  }

  private HttpResponse<ImportJobResponse> start(
      User viewer, HttpRequest<?> request, InputStream body, String name, ImportOptions options)
      throws IOException {
    boolean wait = Flags.parse("wait", request.getParameters().get("wait"), false);
    ImportJobs.Upload upload = jobs.store(body, name);
    if (!wait) {
      ImportJob job = jobs.submit(viewer.id(), upload, options);
      return HttpResponse.accepted(ApiPaths.importJob(job.id())).body(ImportJobResponse.of(job));
    }
    ImportJob job = jobs.runHere(viewer.id(), upload, options);
    if (job.state() == ImportJob.State.REFUSED) {
      throw new InvalidInputException(job.problemField(), job.problem());
    }
    if (job.state() == ImportJob.State.FAILED) {
      throw new IllegalStateException(job.problem());
    }
    return HttpResponse.ok(ImportJobResponse.of(job))
        .headers(h -> h.location(ApiPaths.importJob(job.id())));
  }

  /** The options from the query; checked before the body is read. */
  private static ImportOptions options(ConvertibleMultiValues<String> params) {
    String format = params.get("format");
    return ImportOptions.of(
        format == null ? null : BookmarkFormat.forImport("format", format),
        Flags.parse("private", params.get("private"), false),
        params.getAll("tag"),
        Flags.parse("folder_tags", params.get("folder_tags"), true),
        Flags.parse("split_tags", params.get("split_tags"), false));
  }
}
