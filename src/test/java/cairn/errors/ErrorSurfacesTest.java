package cairn.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.ApiTest;
import cairn.support.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * One failure, three surfaces chosen by path: the same refusal is an HTML page on a page,
 * Pinboard's {@code result_code} under {@code /v1}, and problem+json on the JSON API — for the
 * domain's failures and the framework's own (no such route, wrong method) alike.
 */
@MicronautTest(transactional = false)
class ErrorSurfacesTest extends ApiTest {
  private static final Map<String, String> BROWSER = Map.of("Accept", "text/html");

  @Test
  void aMissingRouteIsAPageAProblemOrAPinboardResult() {
    Http.Response page = http.send("GET", "/no/such/page", null, null, null, BROWSER);
    assertEquals(404, page.status());
    assertTrue(page.contentType().startsWith("text/html"), page.contentType());
    assertTrue(Jsoup.parse(page.body()).selectFirst("section.error") != null, page.body());

    var user = users.create(cairn.support.TestStore.uniqueName("surfaces"), "password-s");
    Http.Response api =
        http.send("GET", "/api/v1/no-such-thing", Http.bearer(user.token()), null, null, BROWSER);
    assertEquals(404, api.status());
    assertTrue(api.contentType().startsWith("application/problem+json"), api.contentType());

    Http.Response pinboard =
        http.get("/v1/posts/everything?format=json&auth_token=" + user.token(), null);
    assertEquals(404, pinboard.status());
    assertTrue(pinboard.json().get("result_code").asText().contains("posts/everything"));
  }

  @Test
  void aWrongMethodIsTheSameStatusInEachSurfacesShape() {
    Http.Response page = http.send("DELETE", "/login", null, null, null, BROWSER);
    assertEquals(405, page.status(), page.body());
    assertTrue(page.contentType().startsWith("text/html"), page.contentType());

    var user = users.create(cairn.support.TestStore.uniqueName("methods"), "password-m");
    Http.Response api =
        http.send("PUT", "/api/v1/bookmarks", Http.bearer(user.token()), "application/json", "{}");
    assertEquals(405, api.status(), api.body());
    assertTrue(api.contentType().startsWith("application/problem+json"), api.contentType());

    Http.Response pinboard = http.send("DELETE", "/v1/posts/all", null, null, null);
    assertEquals(405, pinboard.status(), pinboard.body());
    assertTrue(pinboard.contentType().startsWith("text/xml"), pinboard.contentType());
    assertTrue(pinboard.body().contains("<result code=\""), pinboard.body());
    assertFalse(pinboard.body().contains("problem"), pinboard.body());
  }

  @Test
  void aRefusedValueNamesTheFieldOnEverySurface() {
    var user = users.create(cairn.support.TestStore.uniqueName("refused"), "password-r");
    Http.Response api = http.get("/api/v1/bookmarks?per_page=7", Http.bearer(user.token()));
    assertEquals(400, api.status());
    assertEquals("per_page", api.json().get("field").asText());
    assertTrue(api.json().get("rule").asText().contains("20, 40, 80, 120, 160"));

    Http.Response page = http.send("GET", "/t:x?per_page=7", null, null, null, BROWSER);
    assertEquals(400, page.status());
    assertTrue(page.contentType().startsWith("text/html"), page.contentType());
    assertTrue(page.body().contains("per_page"), page.body());
  }
}
