package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.TestStore;
import cairn.support.WebClient.Page;
import cairn.support.WebTest;
import cairn.user.SessionService;
import cairn.user.User;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Every state-changing page refuses a form without the visitor's token, or from another site. */
@MicronautTest(transactional = false)
class CsrfTest extends WebTest {
  /** Change nothing by themselves (the bookmarklet's hand-over) or carry their own key. */
  private static final Set<String> OPEN_BY_DESIGN = Set.of("/add/popup", "/readlater");

  @Inject Router router;
  @Inject SessionService sessions;

  /** A POST page and whether it takes multipart forms (an upload) rather than plain ones. */
  private record PostPage(String path, boolean multipart) {}

  private List<PostPage> postPages(String user, long bookmark) {
    return router
        .uriRoutes()
        .map(r -> (UriRouteInfo<?, ?>) r)
        .filter(r -> r.getHttpMethod() == HttpMethod.POST)
        .filter(r -> WebPaths.isPage(r.getUriMatchTemplate().toString()))
        .filter(r -> !OPEN_BY_DESIGN.contains(r.getUriMatchTemplate().toString()))
        .map(
            r ->
                new PostPage(
                    r.getUriMatchTemplate()
                        .toString()
                        .replace("{name}", user)
                        .replace("{id}", Long.toString(bookmark)),
                    r.getConsumes().contains(MediaType.MULTIPART_FORM_DATA_TYPE)))
        .distinct()
        .toList();
  }

  private static Page post(Account me, PostPage page, Map<String, String> fields) {
    return page.multipart()
        ? me.browser()
            .postFile(
                page.path(),
                fields,
                "file",
                "b.html",
                "<DT><A HREF=\"https://example.org/i\">i</A>".getBytes(StandardCharsets.UTF_8))
        : me.browser().post(page.path(), fields);
  }

  @Test
  void everyPostPageRefusesAFormWithoutTheToken() {
    Account me = account("csrf");
    long id = save(me.user(), "https://example.org/c", "c", "t", true, Instant.now());
    List<PostPage> pages = postPages(me.name(), id);
    assertTrue(pages.size() >= 12, "found the POST pages: " + pages);
    assertTrue(pages.stream().anyMatch(PostPage::multipart), "found the upload: " + pages);
    for (PostPage page : pages) {
      Page noToken = post(me, page, Map.of("tag", "t", "from", "t", "to", "u"));
      assertEquals(403, noToken.status(), page + " without a token: " + noToken);
      Page wrongToken = post(me, page, Map.of("csrf", "0".repeat(48)));
      assertEquals(403, wrongToken.status(), page + " with a wrong token");
    }
    assertEquals(1, me.browser().get("/u:" + me.name()).doc().select("article").size());
  }

  /** A form as another site's page sends it: with that site's Origin, and a cookie if any. */
  private HttpResponse<String> postFrom(String origin, String path, String cookie, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.getURI().resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", origin)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (cookie != null) {
      request.header("Cookie", WebCookies.SESSION + "=" + cookie);
    }
    return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
  }

  private static void assertRefusedByCairn(HttpResponse<String> response, String what) {
    assertEquals(403, response.statusCode(), what + ": " + response.body());
    Element message = Jsoup.parse(response.body()).selectFirst("section.error p.message");
    assertNotNull(message, what + " is Cairn's page: " + response.body());
    assertTrue(message.text().contains("sent from another site"), message.text());
  }

  @Test
  void aFormPostedFromAnotherSiteIsRefusedEvenWithAToken() throws Exception {
    User me = users.create(TestStore.uniqueName("origin"), PASSWORD).user();
    String session = sessions.start(me.id());
    String token = sessions.find(session).orElseThrow().csrf();
    String apiToken = users.tokenOf(me);
    HttpResponse<String> forged =
        postFrom("https://evil.example", "/settings/token", session, "csrf=" + token);
    assertRefusedByCairn(forged, "a forged token change");
    assertEquals(apiToken, users.tokenOf(me), "the API token is unchanged");
  }

  @Test
  void onLocalhostEveryFormPageRefusesAnotherSiteWithCairnsOwnPage() throws Exception {
    assertEquals("localhost", server.getURI().getHost(), "Micronaut's own check is for localhost");
    List<PostPage> pages = postPages("someone", 1);
    assertTrue(pages.size() >= 12, "found the POST pages: " + pages);
    for (PostPage page : pages) {
      assertRefusedByCairn(
          postFrom("https://some.other.site", page.path(), null, "a=b"), page.path());
    }
  }

  @Test
  void onLocalhostTheBookmarkletsHandOverFromAnotherSiteGetsCairnsForm() throws Exception {
    assertEquals("localhost", server.getURI().getHost());
    HttpResponse<String> handOver =
        postFrom(
            "https://some.other.site",
            "/add/popup",
            null,
            "url=https%3A%2F%2Fsome.other.site%2Fa&title=A+page&quote=" + "x".repeat(7000));
    assertEquals(200, handOver.statusCode(), handOver.body());
    Element relay =
        Jsoup.parse(handOver.body()).selectFirst("form[action=/add/popup][data-autosubmit]");
    assertNotNull(relay, handOver.body());
    assertEquals("https://some.other.site/a", relay.selectFirst("input[name=url]").val());
    assertEquals(7000, relay.selectFirst("input[name=quote]").val().length());
  }

  @Test
  void aFormFromTheSameHostOverAnotherSchemeOrPortIsRefused() throws Exception {
    User me = users.create(TestStore.uniqueName("scheme"), PASSWORD).user();
    String session = sessions.start(me.id());
    String body = "csrf=" + sessions.find(session).orElseThrow().csrf();
    URI own = server.getURI();
    String https = "https://" + own.getHost() + ":" + own.getPort();
    String otherPort =
        "http://" + own.getHost() + ":" + (own.getPort() == 1 ? 2 : own.getPort() - 1);
    assertRefusedByCairn(postFrom(https, "/settings/token", session, body), https);
    assertRefusedByCairn(postFrom(otherPort, "/settings/token", session, body), otherPort);
    String apiToken = users.tokenOf(me);
    String ownOrigin = "http://" + own.getHost() + ":" + own.getPort();
    assertEquals(303, postFrom(ownOrigin, "/settings/token", session, body).statusCode());
    assertNotEquals(apiToken, users.tokenOf(me), "the form from Cairn's own origin was taken");
  }
}
