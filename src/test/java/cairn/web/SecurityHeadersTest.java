package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import cairn.support.Http;
import cairn.support.WebClient;
import cairn.support.WebClient.Page;
import cairn.support.WebTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpHeaders;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Every kind of response carries the security headers: pages the page policy, data the empty one;
 * private answers are not to be stored.
 */
@MicronautTest(transactional = false)
class SecurityHeadersTest extends WebTest {

  private static void assertSecured(HttpHeaders headers, String policy) {
    assertEquals(policy, headers.firstValue("content-security-policy").orElse(null));
    assertEquals("DENY", headers.firstValue("x-frame-options").orElse(null));
    assertEquals("nosniff", headers.firstValue("x-content-type-options").orElse(null));
    assertEquals("same-origin", headers.firstValue("referrer-policy").orElse(null));
    assertNull(headers.firstValue("strict-transport-security").orElse(null), "not over HTTPS");
  }

  private static void assertPrivatePage(Page page) {
    assertEquals(200, page.status(), page.toString());
    assertSecured(page.headers(), SecurityHeaders.PAGE_POLICY);
    assertEquals("no-store", page.header("cache-control"));
  }

  @Test
  void aPublicListingIsSecuredAndMayBeCachedOnceItSetsNoCookie() {
    WebClient stranger = browser();
    Page first = stranger.get("/recent");
    assertSecured(first.headers(), SecurityHeaders.PAGE_POLICY);
    assertNotNull(first.header("set-cookie"), "a first visit gets its CSRF cookie");
    assertEquals("no-store", first.header("cache-control"));
    Page again = stranger.get("/recent");
    assertSecured(again.headers(), SecurityHeaders.PAGE_POLICY);
    assertNull(again.header("cache-control"), again.headers().toString());
  }

  @Test
  void aSignedInVisitorsListingIsNotStored() {
    Account me = account("hdr_list");
    save(me.user(), "https://example.org/secret", "secret", "private-tag", false, Instant.now());
    assertPrivatePage(me.browser().get("/u:" + me.name()));
    assertPrivatePage(me.browser().get("/u:" + me.name() + "/t:private-tag"));
    assertPrivatePage(me.browser().get("/recent"));
  }

  @Test
  void theTagCloudIsSecuredAndForItsOwnerNotStored() {
    Account me = account("hdr_cloud");
    save(me.user(), "https://example.org/c", "c", "cloudy", true, Instant.now());
    assertPrivatePage(me.browser().get("/u:" + me.name() + "/tags"));
    WebClient stranger = browser();
    stranger.get("/recent");
    Page cloud = stranger.get("/u:" + me.name() + "/tags");
    assertEquals(200, cloud.status());
    assertSecured(cloud.headers(), SecurityHeaders.PAGE_POLICY);
    assertNull(cloud.header("cache-control"));
  }

  @Test
  void theSettingsPageWithTheTokenIsNotStored() {
    Account me = account("hdr_settings");
    Page settings = me.browser().get("/settings");
    assertPrivatePage(settings);
    assertNotNull(settings.doc().selectFirst("code.token"));
  }

  @Test
  void theEditFormIsNotStored() {
    Account me = account("hdr_edit");
    long id = save(me.user(), "https://example.org/e", "e", "t", false, Instant.now());
    Page edit = me.browser().get("/b/" + id + "/edit");
    assertPrivatePage(edit);
    assertNotNull(edit.doc().selectFirst("form#bookmark"));
  }

  @Test
  void theAddPopupIsNotStored() {
    Account me = account("hdr_add");
    Page popup = me.browser().get("/add?popup=1&url=https%3A%2F%2Fexample.org%2Fp&title=p");
    assertPrivatePage(popup);
    assertNotNull(popup.doc().selectFirst("body.popup form#bookmark"));
  }

  @Test
  void theLogInPageIsSecured() {
    Page login = browser().get("/login");
    assertEquals(200, login.status());
    assertSecured(login.headers(), SecurityHeaders.PAGE_POLICY);
    assertNotNull(login.doc().selectFirst("form#login"));
  }

  @Test
  void theNotFoundPageIsSecured() {
    Page missing = browser().get("/no/such/page");
    assertEquals(404, missing.status());
    assertSecured(missing.headers(), SecurityHeaders.PAGE_POLICY);
    assertNotNull(missing.doc().selectFirst("section.error"));
    Account me = account("lost");
    Page mine = me.browser().get("/no/such/page");
    assertEquals(404, mine.status());
    assertNotNull(
        mine.doc().selectFirst("nav a[href=/u:" + me.name() + "]"),
        "the error page knows who is signed in");
  }

  @Test
  void aStaticFileIsNotSniffedAndKeepsItsCaching() {
    Http.Response css = http.get("/static/cairn.css", null);
    assertEquals(200, css.status());
    assertSecured(css.headers(), SecurityHeaders.DATA_POLICY);
    assertEquals("private, max-age=60", css.headers().firstValue("cache-control").orElse(null));
  }

  @Test
  void apiJsonIsNotSniffedNorStored() {
    Account me = account("hdr_api");
    String token = users.tokenOf(me.user());
    Http.Response list = http.get("/api/v1/bookmarks", Http.bearer(token));
    assertEquals(200, list.status(), list.toString());
    assertSecured(list.headers(), SecurityHeaders.DATA_POLICY);
    assertEquals("no-store", list.headers().firstValue("cache-control").orElse(null));
    Http.Response refused = http.get("/api/v1/bookmarks", Http.bearer("0".repeat(40)));
    assertEquals(401, refused.status());
    assertSecured(refused.headers(), SecurityHeaders.DATA_POLICY);
  }

  @Test
  void pinboardXmlIsNotSniffedNorStored() {
    Account me = account("hdr_v1");
    String token = users.tokenOf(me.user());
    Http.Response recent = http.get("/v1/posts/recent?auth_token=" + token, null);
    assertEquals(200, recent.status(), recent.toString());
    assertEquals("text/xml; charset=utf-8", recent.contentType());
    assertSecured(recent.headers(), SecurityHeaders.DATA_POLICY);
    assertEquals("no-store", recent.headers().firstValue("cache-control").orElse(null));
  }
}
