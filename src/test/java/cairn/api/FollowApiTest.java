package cairn.api;

import static cairn.support.Http.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.ApiTest;
import cairn.support.Http.Response;
import cairn.support.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class FollowApiTest extends ApiTest {

  private record Person(String name, String auth) {}

  private Person person(String prefix) {
    String name = TestStore.uniqueName(prefix);
    return new Person(name, bearer(users.create(name, "a long password").token()));
  }

  private Response follow(Person who, String name) {
    return http.send("PUT", "/api/v1/follows/" + name, who.auth(), null, null);
  }

  private void save(Person who, String url, String tags, boolean shared) {
    String body =
        "{\"url\":\"%s\",\"title\":\"t\",\"tags\":\"%s\",\"shared\":%s}"
            .formatted(url, tags, shared);
    Response r = http.json("POST", "/api/v1/bookmarks", who.auth(), body);
    assertEquals(201, r.status(), r.toString());
  }

  private static List<String> names(JsonNode list) {
    List<String> names = new ArrayList<>();
    list.get("people").forEach(p -> names.add(p.get("name").asText()));
    return names;
  }

  @Test
  void followingIs201TheFirstTimeAnd204AfterAndShowsInBothLists() {
    Person ann = person("ann");
    Person bob = person("bob");
    Response first = follow(ann, bob.name());
    assertEquals(201, first.status(), first.toString());
    assertEquals(
        "/api/v1/follows/" + bob.name(), first.headers().firstValue("location").orElseThrow());
    assertEquals(204, follow(ann, bob.name()).status());
    assertEquals(204, http.get("/api/v1/follows/" + bob.name(), ann.auth()).status());
    assertEquals(404, http.get("/api/v1/follows/" + ann.name(), bob.auth()).status());

    JsonNode following = http.get("/api/v1/follows", ann.auth()).json();
    assertEquals(ann.name(), following.get("user").asText());
    assertEquals("following", following.get("direction").asText());
    assertEquals(List.of(bob.name()), names(following));
    JsonNode followers =
        http.get("/api/v1/follows?user=" + bob.name() + "&direction=followers", ann.auth()).json();
    assertEquals(List.of(ann.name()), names(followers));
    assertEquals(1, followers.get("count").asInt());
    assertTrue(followers.get("people").get(0).has("since"), followers.toString());
  }

  @Test
  void unfollowingIs204EvenTwiceAndEmptiesTheLists() {
    Person ann = person("ann");
    Person bob = person("bob");
    follow(ann, bob.name());
    assertEquals(204, http.delete("/api/v1/follows/" + bob.name(), ann.auth()).status());
    assertEquals(204, http.delete("/api/v1/follows/" + bob.name(), ann.auth()).status());
    assertEquals(List.of(), names(http.get("/api/v1/follows", ann.auth()).json()));
    assertEquals(
        List.of(),
        names(
            http.get("/api/v1/follows?user=" + bob.name() + "&direction=followers", bob.auth())
                .json()));
  }

  @Test
  void followingYourselfIsRefusedNamingTheFieldAndTheRule() {
    Person ann = person("ann");
    Response self = follow(ann, ann.name());
    assertEquals(400, self.status(), self.toString());
    assertTrue(self.contentType().contains("problem+json"), self.contentType());
    assertEquals("name", self.json().get("field").asText());
    assertEquals("you cannot follow yourself", self.json().get("rule").asText());
  }

  @Test
  void anUnknownUserIs404AndABadDirectionIs400() {
    Person ann = person("ann");
    assertEquals(404, follow(ann, "nobody_here").status());
    assertEquals(404, http.delete("/api/v1/follows/nobody_here", ann.auth()).status());
    assertEquals(404, http.get("/api/v1/follows?user=nobody_here", ann.auth()).status());
    Response bad = http.get("/api/v1/follows?direction=sideways", ann.auth());
    assertEquals(400, bad.status());
    assertEquals("direction", bad.json().get("field").asText());
    assertEquals(401, http.get("/api/v1/follows", null).status());
  }

  @Test
  void theCountNextToEachPersonCountsSharedBookmarksOnlyForEveryViewer() {
    Person ann = person("ann");
    Person bob = person("bob");
    save(bob, "https://count.example/1", "a", true);
    save(bob, "https://count.example/2", "a", true);
    save(bob, "https://count.example/3", "a", false);
    save(bob, "https://count.example/4", ".secret", false);
    follow(ann, bob.name());
    for (Person viewer : List.of(ann, bob)) {
      JsonNode list = http.get("/api/v1/follows?user=" + ann.name(), viewer.auth()).json();
      assertEquals(2, list.get("people").get(0).get("shared_bookmarks").asInt(), list.toString());
    }
  }
}
