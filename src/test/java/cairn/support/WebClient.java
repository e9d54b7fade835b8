package cairn.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;

/**
 * A small browser for page tests: keeps cookies, does not follow redirects (tests assert them),
 * parses pages with jsoup, and submits a page's forms with their own hidden fields (CSRF token
 * included) plus what the test types in.
 */
public final class WebClient {
  private final HttpClient client;
  private final URI base;

  public WebClient(URI base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A page as received: status, where it redirects, its parsed document and its headers. */
  public record Page(int status, String location, String body, Document doc, HttpHeaders headers) {
    /** The header's value, or null when the response has none. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + (location == null ? "" : " → " + location) + "\n" + body;
    }
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  /** GETs the path, following redirects within the site. */
  public Page open(String path) {
    Page page = get(path);
    for (int hops = 0; page.location() != null && hops < 5; hops++) {
      page = get(page.location());
    }
    return page;
  }

  public Page post(String path, Map<String, String> fields) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(encode(fields))));
  }

  /** POSTs a multipart form: the fields in order, then one file. */
  public Page postFile(
      String path, Map<String, String> fields, String fileField, String fileName, byte[] content) {
    return post(
        path, Multipart.of(fields, fileField, fileName, BodyPublishers.ofByteArray(content)));
  }

  /** POSTs a multipart form, its file streamed as it is sent. */
  public Page post(String path, Multipart form) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", form.contentType())
            .POST(form.publisher()));
  }

  /** Submits the form matching {@code selector} with its current values and the changes given. */
  public Page submit(Page page, String selector, Map<String, String> changes) {
    FormElement form = (FormElement) page.doc().selectFirst(selector);
    if (form == null) {
      throw new AssertionError("no form " + selector + " in\n" + page.body());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    form.formData().forEach(kv -> fields.put(kv.key(), kv.value()));
    fields.putAll(changes);
    fields.values().removeIf(v -> v == null);
    return post(form.attr("action"), fields);
  }

  private Page send(HttpRequest.Builder request) {
    try {
      var response = client.send(request.build(), BodyHandlers.ofString());
      String location = response.headers().firstValue("location").orElse(null);
      return new Page(
          response.statusCode(),
          location,
          response.body(),
          Jsoup.parse(response.body(), base.toString()),
          response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
