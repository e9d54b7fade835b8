package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.TestStore;
import cairn.support.WebClient.Page;
import cairn.support.WebTest;
import cairn.user.SessionService;
import cairn.user.User;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * With {@code cairn.web.base-url} set, that address is Cairn's: the bookmarklets point there
 * whatever the request's headers say, and forms are taken only from exactly that origin.
 */
@MicronautTest(transactional = false)
class PublicSiteTest extends WebTest {
  private static final String BASE = "https://cairn.example.org";

  @Inject SessionService sessions;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("cairn.web.base-url", BASE + "/");
    properties.put("cairn.web.secure-cookies", "true");
    return properties;
  }

  /** A page asked for over a raw socket, so that the Host header says what the test wants. */
  private Document getWithHeaders(String path, String session, String... headers)
      throws IOException {
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.0\r\n");
      for (String header : headers) {
        request.append(header).append("\r\n");
      }
      request.append("Cookie: " + WebCookies.SESSION + "=" + session + "\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(
          response.startsWith("HTTP/1.0 200") || response.startsWith("HTTP/1.1 200"), response);
      return Jsoup.parse(response.substring(response.indexOf("\r\n\r\n") + 4));
    }
  }

  @Test
  void theBookmarkletsUseTheConfiguredAddressWhateverTheHostHeaderSays() throws IOException {
    User me = users.create(TestStore.uniqueName("base"), PASSWORD).user();
    String session = sessions.start(me.id());
    for (String[] headers :
        new String[][] {
          {"Host: a%27-alert(1)-%27"},
          {"Host: evil.example", "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: http"}
        }) {
      Document settings = getWithHeaders("/settings", session, headers);
      String save = settings.selectFirst("a.bookmarklet.save").attr("href");
      String later = settings.selectFirst("a.bookmarklet.later").attr("href");
      assertTrue(save.contains("b='" + BASE + "',"), save);
      assertTrue(later.contains("window.open('" + BASE + "/readlater?k="), later);
      for (String bookmarklet : new String[] {save, later}) {
        assertFalse(bookmarklet.contains("alert") || bookmarklet.contains("evil"), bookmarklet);
      }
    }
  }

  private int postToken(String origin, String session) throws Exception {
    String body = "csrf=" + sessions.find(session).orElseThrow().csrf();
    HttpRequest request =
        HttpRequest.newBuilder(server.getURI().resolve("/settings/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", WebCookies.SESSION + "=" + session)
            .header("Origin", origin)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, BodyHandlers.ofString()).statusCode();
  }

  @Test
  void formsAreTakenOnlyFromTheConfiguredSchemeHostAndPort() throws Exception {
    User me = users.create(TestStore.uniqueName("orig"), PASSWORD).user();
    String session = sessions.start(me.id());
    assertEquals(403, postToken("http://cairn.example.org", session), "plain http");
    assertEquals(403, postToken("https://cairn.example.org:8443", session), "another port");
    assertEquals(
        403,
        postToken(server.getURI().toString().replaceAll("/$", ""), session),
        "the address the server happens to listen on");
    assertEquals(303, postToken("https://cairn.example.org", session));
    assertEquals(303, postToken("https://cairn.example.org:443", session), "the default port");
  }

  @Test
  void overHttpsBrowsersAreToldToStayOnHttps() {
    Page login = browser().get("/login");
    assertEquals(SecurityHeaders.HSTS, login.header("strict-transport-security"));
    assertEquals(
        SecurityHeaders.HSTS,
        http.get("/static/cairn.css", null)
            .headers()
            .firstValue("strict-transport-security")
            .orElse(null));
  }

  @Test
  void aBaseUrlWithAPathStopsTheStart() {
    Map<String, Object> properties = new HashMap<>(TestStore.properties());
    properties.put("cairn.web.base-url", "https://cairn.example.org/cairn");
    RuntimeException e =
        assertThrows(RuntimeException.class, () -> ApplicationContext.run(properties).close());
    String messages = "";
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages += t.getMessage() + "\n";
    }
    assertTrue(
        messages.contains(
            "cairn.web.base-url (CAIRN_WEB_BASE_URL) must be scheme, host and port only"),
        messages);
  }
}
