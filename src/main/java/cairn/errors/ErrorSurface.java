package cairn.errors;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;

/**
 * One way of telling a client what went wrong, for the requests of its paths: the pages answer with
 * an HTML page, Pinboard's {@code /v1} with its {@code result_code}; every other request gets the
 * JSON API's problem+json ({@link ProblemJson}).
 */
public interface ErrorSurface {
  /** Whether a request to {@code path} is answered by this surface. */
  boolean serves(String path);

  /** The response; the failure's headers are added to it by {@link ErrorResponses}. */
  MutableHttpResponse<?> render(HttpRequest<?> request, Failure failure);
}
