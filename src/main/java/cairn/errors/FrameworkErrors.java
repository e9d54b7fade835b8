package cairn.errors;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/**
 * The errors the framework raises itself (no such route, wrong method, unsupported media type) told
 * like every other failure, by the surface of the request: a page, Pinboard's result, or
 * problem+json. The framework's message for a 5xx would tell the caller about our internals: those
 * say only their status.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class FrameworkErrors implements ErrorResponseProcessor<Object> {
  private final ErrorResponses responses;

  FrameworkErrors(ErrorResponses responses) {
    this.responses = responses;
  }

  @Override
  @SuppressWarnings("unchecked")
  public MutableHttpResponse<Object> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    MutableHttpResponse<?> rendered =
        responses.render(context.getRequest(), failure(context, response));
    rendered.getHeaders().forEach((name, values) -> response.getHeaders().set(name, values.get(0)));
    return ((MutableHttpResponse<Object>) response).body(rendered.getBody().orElse(null));
  }

  private static Failure failure(ErrorContext context, MutableHttpResponse<?> response) {
    HttpStatus status = response.getStatus();
    if (status.getCode() >= 500) {
      return Failure.of(status, status.getReason());
    }
    String detail =
        context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
    String field =
        context.getErrors().stream().flatMap(e -> e.getPath().stream()).findFirst().orElse(null);
    if (field != null) {
      return new Failure(status, detail, field, detail, java.util.Map.of(), java.util.Map.of());
    }
    return Failure.of(status, detail.isEmpty() ? status.getReason() : detail);
  }
}
