package cairn.errors;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Renders a failure for the surface its request came to, chosen by path: the first {@link
 * ErrorSurface} that serves the path, else the JSON API's problem+json.
 */
@Singleton
public final class ErrorResponses {
  private final List<ErrorSurface> surfaces;

  ErrorResponses(List<ErrorSurface> surfaces) {
    this.surfaces = List.copyOf(surfaces);
  }

  public MutableHttpResponse<?> render(HttpRequest<?> request, Failure failure) {
    MutableHttpResponse<?> response = null;
    for (ErrorSurface surface : surfaces) {
      if (surface.serves(request.getPath())) {
        response = surface.render(request, failure);
        break;
      }
    }
    if (response == null) {
      response = ProblemJson.render(failure);
    }
    MutableHttpResponse<?> answer = response;
    failure.headers().forEach(answer::header);
    return answer;
  }
}
