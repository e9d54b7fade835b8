package cairn.api;

import cairn.bookmark.DuplicateBookmarkException;
import cairn.db.StoreFullException;
import cairn.exchange.UploadLimit;
import cairn.exchange.UploadTooLargeException;
import cairn.input.InvalidInputException;
import cairn.input.NotFoundException;
import cairn.search.IndexUnavailableException;
import cairn.user.Secrets;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedArgumentHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps each domain exception to its problem+json response, once for the whole API (pages turn them
 * into HTML in {@code web.ErrorPages}); the framework's own argument errors too, so that they name
 * the field and the rule instead of a parser's message.
 */
final class ProblemHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandlers.class);

  /** The import uploads: the API's and the settings form's. */
  private static final Set<String> UPLOADS = Set.of("/api/v1/imports", "/settings/import");

  private ProblemHandlers() {}

  static HttpResponse<?> invalid(String field, String rule) {
    return Problems.response(
        HttpStatus.BAD_REQUEST, Problems.body(HttpStatus.BAD_REQUEST, field, rule));
  }

  /** Anything nobody expected: a plain 500 with an id to find it in the log, never its message. */
  @Singleton
  @Produces
  static final class Unexpected implements ExceptionHandler<Exception, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception e) {
      if (UPLOADS.contains(request.getPath()) && brokenOff(e)) {
        // the client hung up midway through its body (an upload given up): nobody to answer
        LOG.info(
            "{} {}: the client closed before its whole body arrived",
            request.getMethod(),
            request.getPath());
        return invalid("body", "the connection closed before the whole body arrived");
      }
      String id = Secrets.randomHex(6);
      LOG.error("Unexpected error {} on {} {}", id, request.getMethod(), request.getPath(), e);
      Map<String, Object> body =
          Problems.body(
              HttpStatus.INTERNAL_SERVER_ERROR,
              "something went wrong on the server; the log has the details under error " + id);
      body.put("error_id", id);
      return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, body);
    }
  }

  private static boolean brokenOff(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.io.EOFException) {
        return true;
      }
    }
    return false;
  }

  /** A path or query value of the wrong type ({@code /api/v1/bookmarks/abc}). */
  @Singleton
  @Produces
  @Replaces(ConversionErrorHandler.class)
  static final class Conversion
      implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, ConversionErrorException e) {
      Object value = e.getConversionError().getOriginalValue().orElse("");
      String shown = String.valueOf(value);
      shown = shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
      return invalid(
          e.getArgument().getName(),
          "must be " + expected(e.getArgument().getType()) + "; got '" + shown + "'");
    }

    private static String expected(Class<?> type) {
      if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
        return "a whole number";
      }
      if (type == boolean.class || type == Boolean.class) {
        return "true or false";
      }
      return "a valid " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }
  }

  /** A form body whose percent escapes are broken ({@code title=%zz}). */
  @Singleton
  @Produces
  static final class BrokenForm
      implements ExceptionHandler<
          HttpPostRequestDecoder.ErrorDataDecoderException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(
        HttpRequest request, HttpPostRequestDecoder.ErrorDataDecoderException e) {
      return invalid(
          "body", "must be a valid form: each '%' starts an escape of two hex digits, like %20");
    }
  }

  /** A required argument that is missing. */
  @Singleton
  @Produces
  @Replaces(UnsatisfiedArgumentHandler.class)
  static final class Unsatisfied
      implements ExceptionHandler<UnsatisfiedArgumentException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, UnsatisfiedArgumentException e) {
      return invalid(e.getArgument().getName(), "is required");
    }
  }

  /** A required query value, header or body that is missing. */
  @Singleton
  @Produces
  @Replaces(UnsatisfiedRouteHandler.class)
  static final class UnsatisfiedRoute
      implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, UnsatisfiedRouteException e) {
      return invalid(e.getArgument().getName(), "is required");
    }
  }

  @Singleton
  @Produces
  static final class InvalidInput
      implements ExceptionHandler<InvalidInputException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, InvalidInputException e) {
      return invalid(e.field(), e.rule());
    }
  }

  /** A bookmark file over the upload limit: the size, the limit, its setting, what to do. */
  @Singleton
  @Produces
  static final class UploadTooLarge
      implements ExceptionHandler<UploadTooLargeException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, UploadTooLargeException e) {
      return tooLarge(e);
    }
  }

  static HttpResponse<?> tooLarge(UploadTooLargeException e) {
    Map<String, Object> body =
        Problems.body(HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.field(), e.rule());
    body.put("limit_bytes", e.limit());
    // The refusal comes before the client has sent the whole body: the rest of it must not be
    // read as the next request on this connection.
    return Problems.response(HttpStatus.REQUEST_ENTITY_TOO_LARGE, body)
        .header(HttpHeaders.CONNECTION, "close");
  }

  /**
   * A body over one of the server's own limits. On the two import uploads that is the upload limit
   * (the server's limits follow it, see {@link UploadLimit}), and the multipart decoder may see the
   * excess before Cairn's own count does: it gets the same answer as Cairn's check.
   */
  @Singleton
  @Produces
  @Replaces(ContentLengthExceededHandler.class)
  static final class BodyTooLarge
      implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {
    private final UploadLimit limit;

    BodyTooLarge(UploadLimit limit) {
      this.limit = limit;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException e) {
      if (!UPLOADS.contains(request.getPath())) {
        return Problems.response(HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
      }
      return tooLarge(limit.refusal(request.getContentLength()));
    }
  }

  @Singleton
  @Produces
  static final class IndexUnavailable
      implements ExceptionHandler<IndexUnavailableException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, IndexUnavailableException e) {
      return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage())
          .header(HttpHeaders.RETRY_AFTER, "1");
    }
  }

  /** The pages reuse this: ErrorPages turns it into the HTML error page. */
  @Singleton
  @Produces
  static final class StoreFull implements ExceptionHandler<StoreFullException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, StoreFullException e) {
      return Problems.response(HttpStatus.INSUFFICIENT_STORAGE, e.getMessage());
    }
  }

  @Singleton
  @Produces
  static final class NotFound implements ExceptionHandler<NotFoundException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, NotFoundException e) {
      return Problems.response(HttpStatus.NOT_FOUND, e.getMessage());
    }
  }

  @Singleton
  @Produces
  static final class Duplicate
      implements ExceptionHandler<DuplicateBookmarkException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, DuplicateBookmarkException e) {
      Map<String, Object> body = Problems.body(HttpStatus.CONFLICT, e.getMessage());
      String location = ApiPaths.bookmark(e.existingId()).toString();
      body.put("field", "url");
      body.put("rule", "one bookmark per URL: edit the existing one, or save with ?replace=true");
      body.put("existing_id", e.existingId());
      body.put("existing", location);
      return Problems.response(HttpStatus.CONFLICT, body).header("Location", location);
    }
  }
}
