package cairn.api;

import static cairn.support.Http.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import cairn.support.ApiTest;
import cairn.support.Http.Response;
import cairn.support.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/bookmarks?scope=network}: the shared bookmarks of the people you follow, with
 * the same filters, counts and paging as every listing, and nothing private of theirs.
 */
@MicronautTest(transactional = false)
class NetworkApiTest extends ApiTest {
  private static final int BOB_SHARED = 25;

  private String ann;
  private String bob;
  private String bobName;
  private String cat;
  private String catName;
  private String dan;
  private int minute;

  @BeforeEach
  void data() {
    if (ann != null) {
      return;
    }
    ann = token("ann");
    bobName = TestStore.uniqueName("bob");
    bob = bearer(users.create(bobName, "a long password").token());
    catName = TestStore.uniqueName("cat");
    cat = bearer(users.create(catName, "a long password").token());
    dan = token("dan");
    for (int i = 0; i < BOB_SHARED; i++) {
      save(bob, "https://bob.example/" + i, "Bob " + i, i % 5 == 0 ? "net papers" : "net", true);
    }
    save(bob, "https://bob.example/private", "Bob private secretword", "net papers", false);
    save(bob, "https://bob.example/hidden", "Bob hidden", "net .hidden", true);
    save(cat, "https://cat.example/1", "Cat one", "net papers cats", true);
    save(cat, "https://cat.example/2", "Cat private", "net cats", false);
    save(dan, "https://dan.example/1", "Dan not followed", "net papers", true);
    save(ann, "https://ann.example/1", "Ann her own", "net papers", true);
    assertEquals(201, follow(ann, bobName).status());
    assertEquals(201, follow(ann, catName).status());
  }

  private String token(String prefix) {
    return bearer(users.create(TestStore.uniqueName(prefix), "a long password").token());
  }

  private Response follow(String who, String name) {
    return http.send("PUT", "/api/v1/follows/" + name, who, null, null);
  }

  private void save(String who, String url, String title, String tags, boolean shared) {
    minute++;
    String body =
        "{\"url\":\"%s\",\"title\":\"%s\",\"tags\":\"%s\",\"shared\":%s,\"created\":\"2020-01-01T%02d:%02d:00Z\"}"
            .formatted(url, title, tags, shared, minute / 60, minute % 60);
    Response r = http.json("POST", "/api/v1/bookmarks", who, body);
    assertEquals(201, r.status(), r.toString());
  }

  private JsonNode network(String who, String query) {
    Response r = http.get("/api/v1/bookmarks?scope=network" + query, who);
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  private static List<String> titles(JsonNode page) {
    List<String> titles = new ArrayList<>();
    page.get("items").forEach(i -> titles.add(i.get("title").asText()));
    return titles;
  }

  private static Map<String, Integer> related(JsonNode page) {
    Map<String, Integer> counts = new TreeMap<>();
    page.get("related").forEach(t -> counts.put(t.get("tag").asText(), t.get("count").asInt()));
    return counts;
  }

  @Test
  void theNetworkIsTheSharedBookmarksOfThePeopleFollowedNewestFirst() {
    JsonNode page = network(ann, "&per_page=40");
    // bob's 25 shared and his shared one with a private tag, and cat's shared one
    assertEquals(BOB_SHARED + 2, page.get("total").asInt());
    List<String> titles = titles(page);
    assertEquals(List.of("Cat one", "Bob hidden", "Bob 24"), titles.subList(0, 3));
    for (String title : titles) {
      assertFalse(
          title.contains("private") || title.contains("Dan") || title.contains("Ann"), title);
    }
    assertEquals(Map.of("cats", 1, "net", 27, "papers", 6), related(page));
    for (JsonNode item : page.get("items")) {
      assertFalse(item.get("tags").toString().contains(".hidden"), item.toString());
    }
  }

  @Test
  void tagsIntersectAndExcludeInTheNetworkAndPrivateTagsMatchNothing() {
    JsonNode papers = network(ann, "&tags=net,papers");
    assertEquals(
        List.of("Cat one", "Bob 20", "Bob 15", "Bob 10", "Bob 5", "Bob 0"), titles(papers));
    assertEquals(Map.of("cats", 1, "net", 6, "papers", 6), related(papers));
    assertEquals(5, network(ann, "&tags=papers&exclude=cats").get("total").asInt());
    assertEquals(0, network(ann, "&tags=.hidden").get("total").asInt());
    assertEquals(27, network(ann, "&exclude=.hidden").get("total").asInt());
    assertEquals(List.of(), titles(network(ann, "&q=secretword")));
    assertEquals(List.of("Cat one"), titles(network(ann, "&q=cat")));
  }

  @Test
  void earlierAndLaterWalkTheWholeNetworkOnceEachWay() {
    Set<String> seen = new LinkedHashSet<>();
    JsonNode page = network(ann, "&per_page=20");
    List<JsonNode> pages = new ArrayList<>();
    for (int i = 0; i < 10 && page != null; i++) {
      pages.add(page);
      seen.addAll(titles(page));
      String earlier = page.get("earlier").isNull() ? null : page.get("earlier").asText();
      page = earlier == null ? null : network(ann, "&per_page=20&cursor=" + earlier);
    }
    assertEquals(2, pages.size());
    assertEquals(BOB_SHARED + 2, seen.size());
    JsonNode last = pages.get(1);
    JsonNode back = network(ann, "&per_page=20&cursor=" + last.get("later").asText());
    assertEquals(titles(pages.get(0)), titles(back));
    assertNull(back.get("later").textValue());
  }

  @Test
  void followingNobodyIsAnEmptyNetworkAndUnfollowingEmptiesIt() {
    JsonNode empty = network(dan, "");
    assertEquals(0, empty.get("total").asInt());
    assertEquals(List.of(), titles(empty));
    assertEquals(201, follow(dan, catName).status());
    assertEquals(List.of("Cat one"), titles(network(dan, "")));
    assertEquals(204, http.delete("/api/v1/follows/" + catName, dan).status());
    assertEquals(0, network(dan, "").get("total").asInt());
  }

  @Test
  void aNetworkForAnotherUserIsRefusedNamingTheField() {
    Response r = http.get("/api/v1/bookmarks?scope=network&user=" + bobName, ann);
    assertEquals(400, r.status(), r.toString());
    assertEquals("user", r.json().get("field").asText());
    Response scope = http.get("/api/v1/bookmarks?scope=friends", ann);
    assertEquals(400, scope.status());
    assertEquals("scope", scope.json().get("field").asText());
  }

  @Test
  void aBookmarkMadePrivateLeavesTheNetworkAtOnce() {
    String eve = token("eve");
    String flipName = TestStore.uniqueName("flip");
    String flip = bearer(users.create(flipName, "a long password").token());
    save(flip, "https://flip.example/1", "Flip one", "flip", true);
    save(flip, "https://flip.example/2", "Flip two", "flip", true);
    assertEquals(201, follow(eve, flipName).status());
    JsonNode before = network(eve, "&tags=flip");
    assertEquals(List.of("Flip two", "Flip one"), titles(before));
    long id = before.get("items").get(0).get("id").asLong();
    Response patched = http.json("PATCH", "/api/v1/bookmarks/" + id, flip, "{\"shared\":false}");
    assertEquals(200, patched.status(), patched.toString());
    JsonNode after = network(eve, "&tags=flip");
    assertEquals(List.of("Flip one"), titles(after));
    assertEquals(Map.of("flip", 1), related(after));
  }
}
