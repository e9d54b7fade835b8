package cairn.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds RFC 9457 {@code application/problem+json} responses, the API's only error shape. */
final class Problems {
  static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

  private Problems() {}

  static Map<String, Object> body(HttpStatus status, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", status.getReason());
    body.put("status", status.getCode());
    body.put("detail", detail);
    return body;
  }

  /** A problem with the input: which field, and the rule it broke. */
  static Map<String, Object> body(HttpStatus status, String field, String rule) {
    Map<String, Object> body = body(status, field + ": " + rule);
    body.put("field", field);
    body.put("rule", rule);
    return body;
  }

  static MutableHttpResponse<Map<String, Object>> response(HttpStatus status, String detail) {
    return response(status, body(status, detail));
  }

  static MutableHttpResponse<Map<String, Object>> response(
      HttpStatus status, Map<String, Object> body) {
    return HttpResponse.<Map<String, Object>>status(status).contentType(PROBLEM_JSON).body(body);
  }
}
