package cairn.errors;

import cairn.db.StoreFullException;
import cairn.exchange.UploadLimit;
import cairn.exchange.UploadTooLargeException;
import cairn.input.InvalidInputException;
import cairn.input.NotFoundException;
import cairn.query.SearchSyntaxException;
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
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each kind of failure is — its status, message, field and rule — said once for every surface,
 * and rendered by the surface of the request ({@link ErrorResponses}: an HTML page, Pinboard's
 * {@code result_code}, or the JSON API's problem+json); the framework's own argument errors too, so
 * that they name the field and the rule instead of a parser's message. Pinboard methods answer the
 * failures of their own calls from their own table ({@code api.pinboard.PinboardErrors}), because
 * Pinboard says some of them in a 200.
 */
public final class FailureHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandlers.class);

  /** The import uploads: the API's and the settings form's. */
  private static final Set<String> UPLOADS = Set.of("/api/v1/imports", "/settings/import");

  private FailureHandlers() {}

  /** A handler for one exception type: the failure it is, rendered for the request's surface. */
  public abstract static class Handler<E extends Throwable>
      implements ExceptionHandler<E, HttpResponse<?>> {
    private final ErrorResponses responses;

    protected Handler(ErrorResponses responses) {
      this.responses = responses;
    }

    protected abstract Failure failure(HttpRequest<?> request, E e);

    @Override
    public HttpResponse<?> handle(HttpRequest request, E e) {
      return responses.render(request, failure(request, e));
    }
  }

  /** Anything nobody expected: a plain 500 with an id to find it in the log, never its message. */
  @Singleton
  @Produces
  static final class Unexpected extends Handler<Exception> {
    Unexpected(ErrorResponses responses) {
      super(responses);
    }

    @Override
    protected Failure failure(HttpRequest<?> request, Exception e) {
      if (UPLOADS.contains(request.getPath()) && brokenOff(e)) {
        // the client hung up midway through its body (an upload given up): nobody to answer
        LOG.info(
            "{} {}: the client closed before its whole body arrived",
            request.getMethod(),
            request.getPath());
        return Failure.invalid("body", "the connection closed before the whole body arrived");
      }
      String id = Secrets.randomHex(6);
      LOG.error("Unexpected error {} on {} {}", id, request.getMethod(), request.getPath(), e);
      return Failure.of(
              HttpStatus.INTERNAL_SERVER_ERROR,
              "something went wrong on the server; the log has the details under error " + id)
          .with("error_id", id);
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
  static final class Conversion extends Handler<ConversionErrorException> {
    Conversion(ErrorResponses responses) {
      super(responses);
    }

    @Override
    protected Failure failure(HttpRequest<?> request, ConversionErrorException e) {
      Object value = e.getConversionError().getOriginalValue().orElse("");
      String shown = String.valueOf(value);
      shown = shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
      return Failure.invalid(
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
  static final class BrokenForm extends Handler<HttpPostRequestDecoder.ErrorDataDecoderException> {
    BrokenForm(ErrorResponses responses) {
      super(responses);
    }

    @Override
    protected Failure failure(
        HttpRequest<?> request, HttpPostRequestDecoder.ErrorDataDecoderException e) {
      return Failure.invalid(
          "body", "must be a valid form: each '%' starts an escape of two hex digits, like %20");
    }
  }

  /** A required argument that is missing. */
  @Singleton
  @Produces
  @Replaces(UnsatisfiedArgumentHandler.class)
  static final class Unsatisfied extends Handler<UnsatisfiedArgumentException> {
    Unsatisfied(ErrorResponses responses) {
      super(responses);
    }

    @Override
    protected Failure failure(HttpRequest<?> request, UnsatisfiedArgumentException e) {
      return Failure.invalid(e.getArgument().getName(), "is required");
    }
  }

  /** A required query value, header or body that is missing. */
  @Singleton
  @Produces
  @Replaces(UnsatisfiedRouteHandler.class)
  static final class UnsatisfiedRoute extends Handler<UnsatisfiedRouteException> {
    UnsatisfiedRoute(ErrorResponses responses) {
      super(responses);
    }

    @Override
    protected Failure failure(HttpRequest<?> request, UnsatisfiedRouteException e) {
      return Failure.invalid(e.getArgument().getName(), "is required");
    }
  }

  @Singleton
  @Produces
  static final class InvalidInput extends Handler<InvalidInputException> {
    InvalidInput(ErrorResponses responses) {
      super(responses);
    }

    @Override
    protected Failure failure(HttpRequest<?> request, InvalidInputException e) {
      Failure failure = Failure.invalid(e.field(), e.rule());
      // a search that cannot be read says where, for a client to point at
      return e instanceof SearchSyntaxException s
          ? failure.with("position", s.position())
          : failure;
    }
  }

  /** A bookmark file over the upload limit: the size, the limit, its setting, what to do. */
  @Singleton
  @Produces
  static final class UploadTooLarge extends Handler<UploadTooLargeException> {
    UploadTooLarge(ErrorResponses responses) {
      super(responses);
    }

    @Override
    protected Failure failure(HttpRequest<?> request, UploadTooLargeException e) {
      return tooLarge(e);
    }
  }

  /**
   * The refusal of an upload over the limit. It comes before the client has sent the whole body:
   * the rest of it must not be read as the next request on this connection.
   */
  public static Failure tooLarge(UploadTooLargeException e) {
    return Failure.invalid(HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.field(), e.rule())
        .with("limit_bytes", e.limit())
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
  static final class BodyTooLarge extends Handler<ContentLengthExceededException> {
    private final UploadLimit limit;

    BodyTooLarge(ErrorResponses responses, UploadLimit limit) {
      super(responses);
      this.limit = limit;
    }

    @Override
    protected Failure failure(HttpRequest<?> request, ContentLengthExceededException e) {
      if (!UPLOADS.contains(request.getPath())) {
        return Failure.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
      }
      return tooLarge(limit.refusal(request.getContentLength()));
    }
  }

  @Singleton
  @Produces
  static final class IndexUnavailable extends Handler<IndexUnavailableException> {
    IndexUnavailable(ErrorResponses responses) {
      super(responses);
    }

    @Override
    protected Failure failure(HttpRequest<?> request, IndexUnavailableException e) {
      return Failure.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage())
          .header(HttpHeaders.RETRY_AFTER, "1");
    }
  }

  @Singleton
  @Produces
  static final class StoreFull extends Handler<StoreFullException> {
    StoreFull(ErrorResponses responses) {
      super(responses);
    }

    @Override
    protected Failure failure(HttpRequest<?> request, StoreFullException e) {
      return Failure.of(HttpStatus.INSUFFICIENT_STORAGE, e.getMessage());
    }
  }

  @Singleton
  @Produces
  static final class NotFound extends Handler<NotFoundException> {
    NotFound(ErrorResponses responses) {
      super(responses);
    }

    @Override
    protected Failure failure(HttpRequest<?> request, NotFoundException e) {
      return Failure.of(HttpStatus.NOT_FOUND, e.getMessage());
    }
  }
}
