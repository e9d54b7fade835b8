package cairn.api.pinboard;

import static cairn.support.Http.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.ApiTest;
import cairn.support.Http;
import cairn.support.TestStore;
import cairn.user.PreferencesService;
import cairn.user.UserService.NewUser;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The privacy matrix of the Pinboard write paths: every way a Pinboard client writes a bookmark,
 * under both "private by default" settings, then every surface another person reads it through. A
 * client that never sends {@code shared} must never publish anything.
 */
@MicronautTest(transactional = false)
class PinboardPrivacyTest extends ApiTest {
  @Inject PreferencesService preferences;

  /** One write and the privacy it must leave: {@code null} expects the account's default. */
  record Case(String name, String existing, String call, Boolean expectShared) {}

  @ParameterizedTest(name = "private by default: {0}")
  @ValueSource(booleans = {true, false})
  void pinboardWritesKeepPrivacyAndFollowTheAccountDefault(boolean privateByDefault) {
    NewUser owner = users.create(TestStore.uniqueName("owner"), "owner-password");
    preferences.update(owner.user().id(), 20, privateByDefault);
    NewUser eve = users.create(TestStore.uniqueName("eve"), "eve-password");
    String stranger = bearer(eve.token());
    String tag = "m" + TestStore.uniqueName("t");
    List<Case> cases =
        List.of(
            new Case("new, no shared, GET", null, "GET", null),
            new Case("new, no shared, POST form", null, "POST", null),
            new Case("new, shared=no", null, "GET&shared=no", false),
            new Case("new, shared=yes", null, "GET&shared=yes", true),
            new Case("private, replaced without shared", "false", "GET", false),
            new Case("private, replaced by a form without shared", "false", "POST", false),
            new Case("private, replaced with toread only", "false", "GET&toread=yes", false),
            new Case("shared, replaced without shared", "true", "GET", true),
            new Case("private, replaced with shared=yes", "false", "GET&shared=yes", true),
            new Case("shared, replaced with shared=no", "true", "GET&shared=no", false));
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      String url = "https://privacy.example.com/" + tag + "/" + i;
      urls.add(url);
      if (c.existing() != null) {
        var made =
            http.json(
                "POST",
                "/api/v1/bookmarks",
                bearer(owner.token()),
                "{\"url\":\""
                    + url
                    + "\",\"tags\":\""
                    + tag
                    + "\",\"shared\":"
                    + c.existing()
                    + "}");
        assertEquals(201, made.status(), made.body());
      }
      String query =
          "url=" + enc(url) + "&description=" + enc(c.name()) + "&tags=" + tag + "+other" + tag;
      String[] how = c.call().split("&", 2);
      if (how.length > 1) {
        query += "&" + how[1];
      }
      Http.Response r =
          how[0].equals("POST")
              ? http.send(
                  "POST",
                  "/v1/posts/add?format=json&auth_token=" + owner.token(),
                  null,
                  "application/x-www-form-urlencoded",
                  query)
              : http.get(
                  "/v1/posts/add?format=json&auth_token=" + owner.token() + "&" + query, null);
      assertEquals("done", r.json().get("result_code").asText(), c.name() + ": " + r.body());
    }
    // the renames and deletes of a tag on these bookmarks leave their privacy alone too
    call(owner, "tags/rename", "old=other" + tag + "&new=renamed" + tag);
    call(owner, "tags/delete", "tag=renamed" + tag);

    JsonNode mine =
        http.get("/api/v1/bookmarks?per_page=20&tags=" + tag, bearer(owner.token())).json();
    assertEquals(cases.size(), mine.get("total").asInt(), mine.toString());
    int expectedPublic = 0;
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      boolean shared = c.expectShared() != null ? c.expectShared() : !privateByDefault;
      expectedPublic += shared ? 1 : 0;
      JsonNode own = item(mine, urls.get(i));
      assertEquals(shared, own.get("shared").asBoolean(), c.name() + ": " + own);
      Http.Response seen = http.get("/api/v1/bookmarks/" + own.get("id").asLong(), stranger);
      assertEquals(shared ? 200 : 404, seen.status(), c.name() + ": " + seen.body());
      String page = http.get("/u:" + owner.user().name() + "/t:" + tag, null).body();
      assertEquals(shared, page.contains(urls.get(i)), c.name() + " on the owner's page");
      String everyone = http.get("/t:" + tag, null).body();
      assertEquals(shared, everyone.contains(urls.get(i)), c.name() + " on the global tag page");
      JsonNode popular = call(eve, "posts/suggest", "url=" + enc(urls.get(i)));
      assertEquals(
          shared, popular.get(0).get("popular").toString().contains(tag), c.name() + " suggested");
    }
    JsonNode theirs =
        http.get(
                "/api/v1/bookmarks?per_page=20&user=" + owner.user().name() + "&tags=" + tag,
                stranger)
            .json();
    assertEquals(expectedPublic, theirs.get("total").asInt(), theirs.toString());
    assertFalse(theirs.toString().contains("renamed" + tag));
    assertTrue(expectedPublic > 0 && expectedPublic < cases.size());
  }

  private JsonNode call(NewUser user, String method, String query) {
    var r =
        http.get("/v1/" + method + "?format=json&auth_token=" + user.token() + "&" + query, null);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  private static JsonNode item(JsonNode listing, String url) {
    for (JsonNode item : listing.get("items")) {
      if (item.get("url").asText().equals(url)) {
        return item;
      }
    }
    throw new AssertionError(url + " is not in " + listing);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
