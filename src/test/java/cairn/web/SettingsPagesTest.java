package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.Http;
import cairn.support.WebClient;
import cairn.support.WebClient.Page;
import cairn.support.WebTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class SettingsPagesTest extends WebTest {

  @Test
  void preferencesChangeThePageSizeAndThePrivateDefault() {
    Account me = account("prefs");
    for (int i = 0; i < 45; i++) {
      save(me.user(), "https://example.org/" + i, "b" + i, "", true, Instant.now());
    }
    Page settings = me.browser().get("/settings");
    me.browser()
        .submit(
            settings,
            "form[action=/settings/preferences]",
            Map.of("per_page", "40", "private_default", ""));
    assertEquals(40, me.browser().get("/u:" + me.name()).doc().select("article").size());
    assertNull(me.browser().get("/add").doc().selectFirst("input[name=private][checked]"));
    Page bad =
        me.browser()
            .submit(settings, "form[action=/settings/preferences]", Map.of("per_page", "33"));
    assertEquals(400, bad.status());
    assertTrue(bad.doc().selectFirst(".errors").text().startsWith("per_page"));
  }

  @Test
  void theTokenIsShownAndANewOneReplacesIt() {
    Account me = account("token");
    Page settings = me.browser().get("/settings");
    String token = settings.doc().selectFirst("code.token").text();
    assertEquals(200, http.get("/api/v1/bookmarks", Http.bearer(token)).status());
    me.browser().submit(settings, "form[action=/settings/token]", Map.of());
    String fresh = me.browser().get("/settings").doc().selectFirst("code.token").text();
    assertNotEquals(token, fresh);
    assertEquals(401, http.get("/api/v1/bookmarks", Http.bearer(token)).status());
    assertEquals(200, http.get("/api/v1/bookmarks", Http.bearer(fresh)).status());
  }

  @Test
  void changingThePasswordNeedsTheCurrentOneAndSignsOutOtherBrowsers() {
    Account me = account("pw");
    WebClient elsewhere = browser();
    elsewhere.submit(
        elsewhere.get("/login"), "form#login", Map.of("name", me.name(), "password", PASSWORD));
    assertEquals(200, elsewhere.get("/settings").status());

    Page settings = me.browser().get("/settings");
    Page wrong =
        me.browser()
            .submit(
                settings,
                "form[action=/settings/password]",
                Map.of(
                    "current_password",
                    "not it at all",
                    "password",
                    "new password!",
                    "password2",
                    "new password!"));
    assertEquals(400, wrong.status());
    assertTrue(wrong.doc().selectFirst(".errors").text().startsWith("current_password"));

    Page changed =
        me.browser()
            .submit(
                settings,
                "form[action=/settings/password]",
                Map.of(
                    "current_password",
                    PASSWORD,
                    "password",
                    "new password!",
                    "password2",
                    "new password!"));
    assertEquals(303, changed.status());
    assertEquals(200, me.browser().get("/settings").status(), "this browser stays signed in");
    assertEquals(303, elsewhere.get("/settings").status(), "others are signed out");
    assertTrue(users.authenticatePassword(me.name(), "new password!").isPresent());
  }

  @Test
  void deletingTheAccountRemovesItsBookmarksFromEveryPage() {
    Account me = account("leaver");
    save(me.user(), "https://example.org/gone", "Gone soon", "farewell", true, Instant.now());
    assertEquals(1, browser().get("/t:farewell").doc().select("article").size());
    Page settings = me.browser().get("/settings");
    Page wrong =
        me.browser()
            .submit(settings, "form[action=/settings/delete]", Map.of("password", "nope nope"));
    assertEquals(400, wrong.status());
    Page gone =
        me.browser()
            .submit(settings, "form[action=/settings/delete]", Map.of("password", PASSWORD));
    assertEquals(303, gone.status());
    assertEquals(404, browser().get("/u:" + me.name()).status());
    assertTrue(browser().get("/t:farewell").doc().select("article").isEmpty());
  }

  @Test
  void theBookmarkletsCarryThisServersAddressAndTheReadLaterKey() {
    Account me = account("bm");
    Page settings = me.browser().get("/settings");
    String save = settings.doc().selectFirst("a.bookmarklet.save").attr("href");
    String later = settings.doc().selectFirst("a.bookmarklet.later").attr("href");
    assertTrue(save.startsWith("javascript:"), save);
    assertTrue(
        save.contains("'" + server.getURI().toString().replaceAll("/$", "") + "'"),
        save + " " + server.getURI());
    assertTrue(later.matches("javascript:.*readlater\\?k=[0-9a-f]{32}.*"), later);
  }
}
