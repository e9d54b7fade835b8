package cairn.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the errors the framework raises itself (no such route, wrong method, unsupported media
 * type, body too large, a path id that is not a number) into problem+json like every other error.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
final class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Map<String, Object>> {

  @Override
  public Map<String, Object> body(ErrorContext context, HttpResponse<?> response) {
    HttpStatus status = response.getStatus();
    if (status.getCode() >= 500) {
      // the framework's message would tell the caller about our internals
      return Problems.body(status, status.getReason());
    }
    String detail =
        context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
    Map<String, Object> body =
        Problems.body(status, detail.isEmpty() ? status.getReason() : detail);
    context.getErrors().stream()
        .flatMap(e -> e.getPath().stream())
        .findFirst()
        .ifPresent(
            field -> {
              body.put("field", field);
              body.put("rule", detail);
            });
    return body;
  }

  @Override
  public String contentType() {
    return Problems.PROBLEM_JSON.toString();
  }
}
