package cairn.api.pinboard;

import cairn.errors.ErrorSurface;
import cairn.errors.Failure;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

/**
 * Failures of {@code /v1} requests outside a method's own call (a body over the server's limit, a
 * broken form, anything unexpected) in Pinboard's shape: its {@code result_code}, XML unless the
 * query asks for JSON, never the JSON API's problem+json.
 */
@Singleton
final class PinboardSurface implements ErrorSurface {
  private final ReplyWriter writer;

  PinboardSurface(ObjectMapper json) {
    this.writer = new ReplyWriter(json);
  }

  @Override
  public boolean serves(String path) {
    return path.equals("/v1") || path.startsWith("/v1/");
  }

  @Override
  public MutableHttpResponse<?> render(HttpRequest<?> request, Failure failure) {
    boolean json =
        PinboardController.wantsJson(
            request, request.getParameters().get("format", String.class).orElse(null));
    Reply reply = new Reply.ResultCode(failure.detail());
    return HttpResponse.status(failure.status())
        .contentType(json ? PinboardController.JSON : PinboardController.XML)
        .body(json ? writer.json(reply) : writer.xml(reply));
  }
}
