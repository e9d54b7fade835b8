package cairn.errors;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 {@code application/problem+json}: the JSON API's only error shape, and the answer to any
 * request no other {@link ErrorSurface} serves.
 */
public final class ProblemJson {
  public static final MediaType TYPE = MediaType.of("application/problem+json");

  private ProblemJson() {}

  public static MutableHttpResponse<Map<String, Object>> render(Failure failure) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", failure.status().getReason());
    body.put("status", failure.status().getCode());
    body.put("detail", failure.detail());
    if (failure.field() != null) {
      body.put("field", failure.field());
      body.put("rule", failure.rule());
    }
    body.putAll(failure.members());
    return HttpResponse.<Map<String, Object>>status(failure.status()).contentType(TYPE).body(body);
  }
}
