package cairn.api;

import static cairn.support.Http.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.ApiTest;
import cairn.support.Http.Response;
import cairn.support.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@MicronautTest(transactional = false)
class ListingApiTest extends ApiTest {

  String alice;
  String aliceName;
  String bob;

  @BeforeEach
  void setUp() {
    if (alice != null) {
      return;
    }
    aliceName = TestStore.uniqueName("alice");
    alice = bearer(users.create(aliceName, "alice-password").token());
    bob = bearer(users.create(TestStore.uniqueName("bob"), "bob-password").token());
    save(alice, "https://one.example.com/", "distcomp papers", true, "Lamport clocks");
    save(alice, "https://two.example.com/", "distcomp .mine", true, "Paxos made simple");
    save(alice, "https://three.example.com/", "distcomp papers", false, "Secret draft");
    save(bob, "https://four.example.com/", "distcomp", true, "Raft");
  }

  @Test
  void aSavedBookmarkIsInTheVeryNextListing() {
    save(bob, "https://ryw.example.com/", "fresh", true, "Read your writes");
    var listing = http.get("/api/v1/bookmarks?tags=fresh", bob).json();
    assertEquals(1, listing.get("total").asInt());
    assertEquals("https://ryw.example.com/", listing.get("items").get(0).get("url").asText());
  }

  @Test
  void theOwnerSeesEverythingWithRelatedTagsIncludingPrivateOnes() {
    JsonNode page = http.get("/api/v1/bookmarks?tags=distcomp", alice).json();
    assertEquals(3, page.get("total").asInt());
    assertEquals(Map.of(".mine", 1, "distcomp", 3, "papers", 2), related(page));
  }

  @Test
  void othersSeeOnlySharedBookmarksAndNoPrivateTags() {
    JsonNode page = http.get("/api/v1/bookmarks?user=" + aliceName + "&tags=distcomp", bob).json();
    assertEquals(2, page.get("total").asInt());
    assertEquals(Map.of("distcomp", 2, "papers", 1), related(page));
    for (JsonNode item : page.get("items")) {
      assertFalse(item.get("tags").toString().contains(".mine"), item.toString());
      assertFalse(item.get("title").asText().contains("Secret"));
    }
    assertEquals(
        0,
        http.get("/api/v1/bookmarks?user=" + aliceName + "&tags=.mine", bob)
            .json()
            .get("total")
            .asInt());
    assertEquals(
        2,
        http.get("/api/v1/bookmarks?user=" + aliceName + "&exclude=.mine", bob)
            .json()
            .get("total")
            .asInt());
  }

  @Test
  void aSharedBookmarkReadByIdHidesItsPrivateTagsFromOthers() {
    JsonNode page = http.get("/api/v1/bookmarks?tags=.mine", alice).json();
    long id = page.get("items").get(0).get("id").asLong();
    assertTrue(http.get("/api/v1/bookmarks/" + id, alice).body().contains(".mine"));
    Response seenByBob = http.get("/api/v1/bookmarks/" + id, bob);
    assertEquals(200, seenByBob.status());
    assertFalse(seenByBob.body().contains(".mine"), seenByBob.body());
  }

  @Test
  void everyonesScopeListsSharedBookmarksOfAllUsers() {
    JsonNode page = http.get("/api/v1/bookmarks?scope=everyone&tags=distcomp", bob).json();
    assertEquals(3, page.get("total").asInt());
    assertEquals(Map.of("distcomp", 3, "papers", 1), related(page));
  }

  @Test
  void textQueriesMatchWordsAndPhrases() {
    assertEquals(1, http.get("/api/v1/bookmarks?q=paxos", alice).json().get("total").asInt());
    assertEquals(
        1, http.get("/api/v1/bookmarks?q=%22made+simple%22", alice).json().get("total").asInt());
    assertEquals(
        0, http.get("/api/v1/bookmarks?q=%22simple+made%22", alice).json().get("total").asInt());
    assertEquals(1, http.get("/api/v1/bookmarks?q=secret", alice).json().get("total").asInt());
    assertEquals(
        0,
        http.get("/api/v1/bookmarks?user=" + aliceName + "&q=secret", bob)
            .json()
            .get("total")
            .asInt());
  }

  @Test
  void cursorsWalkTheListing() {
    List<String> urls = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          http.get(
                  "/api/v1/bookmarks?scope=everyone&per_page=20"
                      + (cursor == null ? "" : "&cursor=" + cursor),
                  alice)
              .json();
      page.get("items").forEach(i -> urls.add(i.get("url").asText()));
      cursor = page.get("earlier").isNull() ? null : page.get("earlier").asText();
    } while (cursor != null);
    assertTrue(urls.size() >= 3);
    assertEquals(urls.size(), urls.stream().distinct().count());
  }

  @Test
  void tagCountsAndRelatedTagsHaveTheirOwnEndpoints() {
    JsonNode all = http.get("/api/v1/tags?sort=count", alice).json().get("tags");
    assertEquals("distcomp", all.get(0).get("tag").asText());
    assertEquals(3, all.get(0).get("count").asInt());
    JsonNode related = http.get("/api/v1/tags/related?tags=papers", alice).json().get("tags");
    assertEquals(
        List.of("distcomp", "papers"),
        StreamSupport.stream(related.spliterator(), false)
            .map(t -> t.get("tag").asText())
            .toList());
  }

  @Test
  void renamingAndDeletingTagsShowInTheNextListing() {
    String carol = bearer(users.create(TestStore.uniqueName("carol"), "carol-password").token());
    save(carol, "https://r1.example.com/", "old other", true, "r1");
    save(carol, "https://r2.example.com/", "old", true, "r2");
    Response renamed = http.json("PUT", "/api/v1/tags/old", carol, "{\"name\": \"other\"}");
    assertEquals(200, renamed.status(), renamed.body());
    assertEquals(2, renamed.json().get("bookmarks").asInt());
    assertEquals(Map.of("other", 2), related(http.get("/api/v1/bookmarks", carol).json()));
    assertEquals(200, http.delete("/api/v1/tags/other", carol).status());
    assertEquals(Map.of(), related(http.get("/api/v1/bookmarks", carol).json()));
    assertEquals(404, http.delete("/api/v1/tags/other", carol).status());
  }

  @ParameterizedTest
  @CsvSource({
    "per_page=25, per_page",
    "per_page=many, per_page",
    "cursor=not-a-cursor, cursor",
    "toread=maybe, toread",
    "tags=a%2C-b, tags",
    "scope=galaxy, scope",
    "scope=everyone&user=x, user",
  })
  void badListingParametersAreProblemsNamingTheField(String query, String field) {
    Response r = http.get("/api/v1/bookmarks?" + query, alice);
    assertEquals(400, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/problem+json"));
    assertEquals(field, r.json().get("field").asText());
  }

  @Test
  void anUnknownUserIs404() {
    assertEquals(404, http.get("/api/v1/bookmarks?user=nobody_here", alice).status());
  }

  private void save(String auth, String url, String tags, boolean shared, String title) {
    String body =
        String.format(
            "{\"url\": \"%s\", \"tags\": \"%s\", \"shared\": %s, \"title\": \"%s\"}",
            url, tags, shared, title);
    Response r = http.json("POST", "/api/v1/bookmarks", auth, body);
    assertEquals(201, r.status(), r.body());
  }

  private static Map<String, Integer> related(JsonNode page) {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    page.get("related").forEach(t -> counts.put(t.get("tag").asText(), t.get("count").asInt()));
    return counts;
  }
}
