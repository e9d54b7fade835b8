package cairn.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A plain HTTP client for tests: raw requests, so malformed ones can be sent too. */
public final class Http {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private final URI base;

  public Http(URI base) {
    this.base = base;
  }

  /** A response with its body as text, and as JSON when asked. */
  public record Response(int status, HttpHeaders headers, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    public String contentType() {
      return headers.firstValue("content-type").orElse("");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  public static String bearer(String token) {
    return "Bearer " + token;
  }

  public static String basic(String name, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public Response get(String path, String authorization) {
    return send("GET", path, authorization, null, null);
  }

  public Response delete(String path, String authorization) {
    return send("DELETE", path, authorization, null, null);
  }

  public Response json(String method, String path, String authorization, String body) {
    return send(method, path, authorization, "application/json", body);
  }

  public Response send(
      String method, String path, String authorization, String contentType, String body) {
    return send(method, path, authorization, contentType, body, Map.of());
  }

  public Response send(
      String method,
      String path,
      String authorization,
      String contentType,
      String body,
      Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    try {
      var response = client.send(request.build(), BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
