package cairn.api.pinboard;

import cairn.user.Logins.Outcome;
import cairn.user.User;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Pinboard API v1 at {@code /v1/…}, so existing Pinboard clients work by changing the base URL:
 * every method on GET and POST, with or without a trailing slash, parameters from the query string
 * or a form body, XML unless {@code format=json}.
 */
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
final class PinboardController {
  static final String JSON = "application/json; charset=utf-8";
  static final String XML = "text/xml; charset=utf-8";

  private final PinboardMethods methods;
  private final PinboardAuth auth;
  private final PinboardRateLimits limits;
  private final ReplyWriter writer;

  PinboardController(
      PinboardMethods methods, PinboardAuth auth, PinboardRateLimits limits, ObjectMapper json) {
    this.methods = methods;
    this.auth = auth;
    this.limits = limits;
    this.writer = new ReplyWriter(json);
  }

  @Get("/{+path}")
  HttpResponse<?> get(HttpRequest<?> request, @PathVariable String path) {
    return handle(request, path, null);
  }

  @Post(value = "/{+path}", consumes = MediaType.ALL)
  HttpResponse<?> post(
      HttpRequest<?> request, @PathVariable String path, @Nullable @Body String body) {
    return handle(request, path, body);
  }

  private HttpResponse<?> handle(HttpRequest<?> request, String path, @Nullable String body) {
    PinboardParams params;
    try {
      params = params(request, body);
    } catch (IllegalArgumentException e) {
      boolean json =
          wantsJson(request, request.getParameters().get("format", String.class).orElse(null));
      return reply(
          HttpStatus.BAD_REQUEST,
          new Reply.ResultCode("body: must be a valid form (application/x-www-form-urlencoded)"),
          json);
    }
    boolean json = wantsJson(request, params.get("format"));
    String method = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    Outcome outcome = auth.authenticate(request, params);
    if (outcome instanceof Outcome.Throttled throttled) {
      return reply(HttpStatus.TOO_MANY_REQUESTS, new Reply.ResultCode(throttled.reason()), json)
          .header(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
    }
    if (!(outcome instanceof Outcome.Verified verified)) {
      return reply(HttpStatus.UNAUTHORIZED, new Reply.ResultCode("authentication failed"), json)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Cairn\", charset=\"UTF-8\"");
    }
    User user = verified.user();
    OptionalLong wait = limits.take(user.name(), method);
    if (wait.isPresent()) {
      return reply(HttpStatus.TOO_MANY_REQUESTS, new Reply.ResultCode("too many requests"), json)
          .header(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
    }
    PinboardMethod known = PinboardMethod.named(method).orElse(null);
    if (known == null) {
      return reply(HttpStatus.NOT_FOUND, new Reply.ResultCode("unknown method: " + method), json);
    }
    try {
      Reply reply = methods.call(known, method, user, params);
      if (reply instanceof Reply.AllPosts all) {
        InputStream posts = ReplyWriter.stream(all, json);
        if (all.posts().oneChunk()) {
          // a reply of one page is cheaper whole, and a client learns its length
          return reply(HttpStatus.OK, whole(posts), json);
        }
        return HttpResponse.ok(new StreamedFile(posts, MediaType.of(json ? JSON : XML)));
      }
      return reply(HttpStatus.OK, reply, json);
    } catch (RuntimeException e) {
      PinboardErrors.Answer answer = PinboardErrors.of(e, known);
      var response = reply(answer.status(), new Reply.ResultCode(answer.code()), json);
      return answer.retryAfter() > 0
          ? response.header(HttpHeaders.RETRY_AFTER, Long.toString(answer.retryAfter()))
          : response;
    }
  }

  private MutableHttpResponse<String> reply(HttpStatus status, Reply reply, boolean json) {
    return reply(status, json ? writer.json(reply) : writer.xml(reply), json);
  }

  private static MutableHttpResponse<String> reply(HttpStatus status, String body, boolean json) {
    return HttpResponse.<String>status(status).contentType(json ? JSON : XML).body(body);
  }

  private static String whole(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON when {@code format=json}, or without a format when the client accepts JSON. */
  static boolean wantsJson(HttpRequest<?> request, @Nullable String format) {
    if (format != null) {
      return format.equalsIgnoreCase("json");
    }
    return request.getHeaders().accept().stream().anyMatch(t -> t.getSubtype().equals("json"));
  }

  /** The query string's parameters, then a form body's (the query string wins a tie). */
  private static PinboardParams params(HttpRequest<?> request, @Nullable String body) {
    Map<String, String> values = new HashMap<>();
    boolean form =
        request
            .getContentType()
            .map(t -> t.getSubtype().equals("x-www-form-urlencoded"))
            .orElse(false);
    if (body != null && form) {
      new QueryStringDecoder(body, StandardCharsets.UTF_8, false)
          .parameters()
          .forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
    }
    request.getParameters().forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
    return new PinboardParams(values);
  }
}
