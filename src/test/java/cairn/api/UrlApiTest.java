package cairn.api;

import static cairn.support.Http.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.bookmark.UrlKey;
import cairn.support.ApiTest;
import cairn.support.Http.Response;
import cairn.support.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class UrlApiTest extends ApiTest {
  private static final String URL = "https://api.example.org/paper";
  private String alice;
  private String bob;
  private String carol;
  private String dave;
  private String aliceName;
  private String carolName;

  @BeforeEach
  void setUp() {
    if (alice != null) {
      return;
    }
    aliceName = TestStore.uniqueName("alice");
    carolName = TestStore.uniqueName("carol");
    alice = bearer(users.create(aliceName, "alice-password").token());
    bob = bearer(users.create(TestStore.uniqueName("bob"), "bob-password").token());
    carol = bearer(users.create(carolName, "carol-password").token());
    dave = bearer(users.create(TestStore.uniqueName("dave"), "dave-password").token());
    save(alice, URL, "distcomp papers .alicesecret", true, "Alice's");
    save(bob, "HTTPS://API.example.org/paper#section-2", "distcomp", true, "Bob's");
    save(carol, URL, "distcomp carolsecret", false, "Carol's");
    save(carol, "https://api.example.org/carol-only", "x", false, "Carol only");
  }

  private static String hash(String url) {
    return UrlKey.of(url).hash();
  }

  @Test
  void urlInfoListsSharedSavesWithTheCountAndTagsAndNoPrivateSaveOrTag() {
    JsonNode page = http.get("/api/v1/urls/" + hash(URL), dave).json();
    assertEquals(hash(URL), page.get("hash").asText());
    assertEquals(URL, page.get("url").asText());
    assertEquals(2, page.get("count").asInt());
    assertEquals(List.of("Bob's", "Alice's"), titles(page));
    assertEquals(Map.of("distcomp", 2, "papers", 1), tags(page));
    assertTrue(page.get("yours").isNull());
    assertEquals(1, page.get("items").get(0).get("saved_by_others").asInt());
    assertFalse(page.toString().contains("secret"), page.toString());
    assertFalse(page.toString().contains("Carol"), page.toString());
  }

  @Test
  void theCallersOwnPrivateSaveIsTheirsAlone() {
    JsonNode page = http.get("/api/v1/urls/" + hash(URL), carol).json();
    assertEquals("Carol's", page.get("yours").get("title").asText());
    assertFalse(page.get("yours").get("shared").asBoolean());
    assertEquals(2, page.get("count").asInt());
    assertEquals(List.of("Bob's", "Alice's"), titles(page));
  }

  @Test
  void urlInfoByUrlFindsTheSamePageHoweverTheUrlIsWritten() {
    String url = URLEncoder.encode("https://API.example.org:443/paper#x", StandardCharsets.UTF_8);
    JsonNode page = http.get("/api/v1/urls?url=" + url, dave).json();
    assertEquals(hash(URL), page.get("hash").asText());
    assertEquals(2, page.get("count").asInt());
  }

  @Test
  void anUnknownOrSomeoneElsesPrivateUrlIs404AndAMalformedOneIs400NamingTheField() {
    String carolOnly = "/api/v1/urls/" + hash("https://api.example.org/carol-only");
    assertEquals(404, http.get(carolOnly, dave).status());
    assertEquals(200, http.get(carolOnly, carol).status());
    assertEquals(
        404, http.get("/api/v1/urls/" + hash("https://nobody.example.org/"), dave).status());
    Response bad = http.get("/api/v1/urls/xyz", dave);
    assertEquals(400, bad.status());
    assertEquals("hash", bad.json().get("field").asText(), bad.body());
    Response badUrl = http.get("/api/v1/urls?url=javascript:alert(1)", dave);
    assertEquals(400, badUrl.status());
    assertEquals("url", badUrl.json().get("field").asText());
    assertEquals("url", http.get("/api/v1/urls", dave).json().get("field").asText());
  }

  @Test
  void listingItemsCarrySavedByOthersCountingSharedSavesOnly() {
    JsonNode mine = http.get("/api/v1/bookmarks?tags=distcomp", alice).json();
    assertEquals(1, mine.get("items").get(0).get("saved_by_others").asInt());
    JsonNode carols = http.get("/api/v1/bookmarks", carol).json();
    for (JsonNode item : carols.get("items")) {
      // a private row says nothing about others
      assertEquals(0, item.get("saved_by_others").asInt(), item.toString());
    }
  }

  @Test
  void popularRanksSharedSavesOnlyAndTakesAWindow() {
    String popularUrl = "https://api.example.org/popular";
    save(alice, popularUrl, "p", true, "Popular");
    save(bob, popularUrl, "p", true, "Popular");
    save(carol, popularUrl, "p", false, "Popular");
    String privateOnly = "https://api.example.org/private-popular";
    save(alice, privateOnly, "p", true, "Private");
    save(bob, privateOnly, "p", false, "Private");
    save(carol, privateOnly, "p", false, "Private");
    JsonNode week = http.get("/api/v1/popular", dave).json();
    assertEquals("7d", week.get("window").asText());
    Map<String, Integer> counts = new TreeMap<>();
    week.get("items").forEach(i -> counts.put(i.get("hash").asText(), i.get("count").asInt()));
    assertEquals(2, counts.get(hash(popularUrl)));
    assertEquals(2, counts.get(hash(URL)));
    assertFalse(counts.containsKey(hash(privateOnly)));
    JsonNode item = week.get("items").get(0);
    assertEquals("/api/v1/urls/" + item.get("hash").asText(), item.get("url_info").asText());
    assertTrue(week.get("later").isNull());
    JsonNode all = http.get("/api/v1/popular?window=all&per_page=20", dave).json();
    assertEquals("all", all.get("window").asText());
    assertEquals(2, all.get("items").size());
  }

  @Test
  void popularRefusesABadWindowPerPageOrCursorNamingIt() {
    assertEquals("window", problemField("/api/v1/popular?window=week"));
    assertEquals("per_page", problemField("/api/v1/popular?per_page=3"));
    assertEquals("cursor", problemField("/api/v1/popular?cursor=bogus"));
  }

  private String problemField(String path) {
    Response r = http.get(path, dave);
    assertEquals(400, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
    return r.json().get("field").asText();
  }

  private static List<String> titles(JsonNode page) {
    List<String> titles = new ArrayList<>();
    page.get("items").forEach(i -> titles.add(i.get("title").asText()));
    return titles;
  }

  private static Map<String, Integer> tags(JsonNode page) {
    Map<String, Integer> counts = new TreeMap<>();
    page.get("tags").forEach(t -> counts.put(t.get("tag").asText(), t.get("count").asInt()));
    return counts;
  }

  private void save(String auth, String url, String tags, boolean shared, String title) {
    String body =
        String.format(
            "{\"url\": \"%s\", \"tags\": \"%s\", \"shared\": %s, \"title\": \"%s\"}",
            url, tags, shared, title);
    Response r = http.json("POST", "/api/v1/bookmarks", auth, body);
    assertEquals(201, r.status(), r.body());
  }
}
