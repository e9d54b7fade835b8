package cairn.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Map;

/**
 * Feeds are a surface of their own, read by feed readers rather than people or API clients: every
 * error under {@code /feeds/} — a domain exception mapped once to problem+json, or the framework's
 * own 404/405 — goes out as one short line of plain text with its status, never an HTML page and
 * never the API's JSON.
 */
@ServerFilter(FeedErrors.FEEDS)
final class FeedErrors {
  static final String FEEDS = "/feeds/**";

  @ResponseFilter
  void asText(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (response.code() < 400) {
      return;
    }
    String message =
        response
            .getBody(Map.class)
            .map(body -> String.valueOf(body.getOrDefault("detail", body.get("title"))))
            .orElse(response.reason());
    response
        .contentType(MediaType.TEXT_PLAIN + ";charset=utf-8")
        .body(response.code() + " " + response.reason() + ": " + message + "\n");
  }
}
