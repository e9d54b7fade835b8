package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.WebClient.Page;
import cairn.support.WebTest;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every state-changing page refuses a form without the visitor's token, or from another site. */
@MicronautTest(transactional = false)
class CsrfTest extends WebTest {
  /** Change nothing by themselves (the bookmarklet's hand-over) or carry their own key. */
  private static final Set<String> OPEN_BY_DESIGN = Set.of("/add/popup", "/readlater");

  @Inject Router router;

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

  @Test
  void aFormPostedFromAnotherSiteIsRefusedEvenWithAToken() throws Exception {
    Account me = account("origin");
    Page settings = me.browser().get("/settings");
    String token = settings.doc().selectFirst("input[name=csrf]").val();
    HttpRequest forged =
        HttpRequest.newBuilder(server.getURI().resolve("/settings/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", "https://evil.example")
            .POST(HttpRequest.BodyPublishers.ofString("csrf=" + token))
            .build();
    var response = HttpClient.newHttpClient().send(forged, BodyHandlers.ofString());
    assertEquals(403, response.statusCode());
    assertEquals(URI.create("https://evil.example").getHost(), "evil.example");
  }
}
