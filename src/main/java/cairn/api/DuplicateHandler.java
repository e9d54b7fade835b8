package cairn.api;

import cairn.bookmark.DuplicateBookmarkException;
import cairn.errors.ErrorResponses;
import cairn.errors.Failure;
import cairn.errors.FailureHandlers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import jakarta.inject.Singleton;

/** A URL the user already saved: where the existing bookmark is, and how to replace it. */
@Singleton
@Produces
final class DuplicateHandler extends FailureHandlers.Handler<DuplicateBookmarkException> {
  DuplicateHandler(ErrorResponses responses) {
    super(responses);
  }

  @Override
  protected Failure failure(HttpRequest<?> request, DuplicateBookmarkException e) {
    String location = ApiPaths.bookmark(e.existingId()).toString();
    return Failure.invalid(
            HttpStatus.CONFLICT,
            "url",
            "one bookmark per URL: edit the existing one, or save with ?replace=true")
        .withDetail(e.getMessage())
        .with("existing_id", e.existingId())
        .with("existing", location)
        .header(HttpHeaders.LOCATION, location);
  }
}
