package cairn.api;

import cairn.bookmark.DuplicateBookmarkException;
import cairn.db.StoreFullException;
import cairn.input.InvalidInputException;
import cairn.input.NotFoundException;
import cairn.search.IndexUnavailableException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/** Maps each domain exception to its problem+json response, once for the whole API. */
final class ProblemHandlers {
  private ProblemHandlers() {}

  @Singleton
  @Produces
  static final class InvalidInput
      implements ExceptionHandler<InvalidInputException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, InvalidInputException e) {
      Map<String, Object> body = Problems.body(HttpStatus.BAD_REQUEST, e.getMessage());
      body.put("field", e.field());
      body.put("rule", e.rule());
      return Problems.response(HttpStatus.BAD_REQUEST, body);
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
      String location = BookmarkController.location(e.existingId());
      body.put("field", "url");
      body.put("rule", "one bookmark per URL: edit the existing one, or save with ?replace=true");
      body.put("existing_id", e.existingId());
      body.put("existing", location);
      return Problems.response(HttpStatus.CONFLICT, body).header("Location", location);
    }
  }
}
