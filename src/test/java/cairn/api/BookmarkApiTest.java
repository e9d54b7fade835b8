package cairn.api;

import static cairn.support.Http.basic;
import static cairn.support.Http.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.ApiTest;
import cairn.support.Http.Response;
import cairn.support.TestStore;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class BookmarkApiTest extends ApiTest {

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
  }

  @Test
  void createAnswers201WithLocationAndTheStoredBookmark() {
    Response r =
        http.json(
            "POST",
            "/api/v1/bookmarks",
            alice,
            """
            {"url": "https://example.com/create", "title": "Create", "notes": "some notes",
             "quotes": ["a passage"], "tags": ["distcomp", "Papers"], "shared": true,
             "toread": true, "created": "2017-07-01T12:00:00Z"}
            """);
    assertEquals(201, r.status(), r.body());
    var b = r.json();
    assertEquals(
        "/api/v1/bookmarks/" + b.get("id").asLong(),
        r.headers().firstValue("location").orElseThrow());
    assertEquals(aliceName, b.get("owner").asText());
    assertEquals("https://example.com/create", b.get("url").asText());
    assertEquals("Create", b.get("title").asText());
    assertEquals("some notes", b.get("notes").asText());
    assertEquals("a passage", b.get("quotes").get(0).get("text").asText());
    assertEquals(
        List.of("distcomp", "Papers"),
        List.of(b.get("tags").get(0).asText(), b.get("tags").get(1).asText()));
    assertTrue(b.get("shared").asBoolean());
    assertTrue(b.get("toread").asBoolean());
    assertEquals("2017-07-01T12:00:00Z", b.get("created").asText());
    assertEquals(32, b.get("hash").asText().length());
    assertEquals(r.json(), http.get("/api/v1/bookmarks/" + b.get("id").asLong(), alice).json());
  }

  @Test
  void tagsMayBeOneStringSplitOnSpacesAndCommas() {
    var b = create(alice, "{\"url\": \"https://example.com/tagstring\", \"tags\": \"a, b c\"}");
    assertEquals(3, b.json().get("tags").size());
  }

  @Test
  void newBookmarksArePrivateUnlessSharedIsGiven() {
    var b = create(alice, "{\"url\": \"https://example.com/default-private\"}");
    assertFalse(b.json().get("shared").asBoolean());
    assertEquals("", b.json().get("notes").asText());
    assertEquals(0, b.json().get("quotes").size());
  }

  @Test
  void patchChangesOnlyTheGivenFieldsAndDeleteRemoves() {
    long id =
        id(
            create(
                alice,
                "{\"url\": \"https://example.com/patch\", \"title\": \"Old\", \"tags\": \"keep\"}"));
    Response patched =
        http.json(
            "PATCH", "/api/v1/bookmarks/" + id, alice, "{\"title\": \"New\", \"shared\": true}");
    assertEquals(200, patched.status(), patched.body());
    assertEquals("New", patched.json().get("title").asText());
    assertEquals("keep", patched.json().get("tags").get(0).asText());
    assertEquals(204, http.delete("/api/v1/bookmarks/" + id, alice).status());
    assertEquals(404, http.get("/api/v1/bookmarks/" + id, alice).status());
  }

  @Test
  void savingAUrlAgainIs409NamingTheExistingBookmarkUnlessReplace() {
    long id = id(create(alice, "{\"url\": \"https://example.com/dup\", \"title\": \"First\"}"));
    Response again =
        http.json(
            "POST", "/api/v1/bookmarks", alice, "{\"url\": \"https://EXAMPLE.com/dup#frag\"}");
    assertEquals(409, again.status());
    assertTrue(again.contentType().startsWith("application/problem+json"));
    assertEquals(id, again.json().get("existing_id").asLong());
    assertEquals("/api/v1/bookmarks/" + id, again.json().get("existing").asText());
    Response replaced =
        http.json(
            "POST",
            "/api/v1/bookmarks?replace=true",
            alice,
            "{\"url\": \"https://example.com/dup\", \"title\": \"Second\"}");
    assertEquals(200, replaced.status(), replaced.body());
    assertEquals(id, replaced.json().get("id").asLong());
    assertEquals("Second", replaced.json().get("title").asText());
  }

  @Test
  void privateBookmarkOfAnotherUserIs404OnEveryMethod() {
    long id = id(create(alice, "{\"url\": \"https://example.com/secret\", \"shared\": false}"));
    String path = "/api/v1/bookmarks/" + id;
    assertEquals(404, http.get(path, bob).status());
    assertEquals(404, http.json("PATCH", path, bob, "{\"title\": \"mine now\"}").status());
    assertEquals(404, http.delete(path, bob).status());
    assertEquals(404, http.json("POST", path + "/quotes", bob, "{\"text\": \"x\"}").status());
    Response missing = http.get("/api/v1/bookmarks/999999", bob);
    assertEquals(404, missing.status());
    assertEquals(http.get(path, bob).json().get("title"), missing.json().get("title"));
    assertEquals(200, http.get(path, alice).status());
  }

  @Test
  void sharedBookmarkOfAnotherUserIsReadableButNotChangeable() {
    long id = id(create(alice, "{\"url\": \"https://example.com/public\", \"shared\": true}"));
    String path = "/api/v1/bookmarks/" + id;
    assertEquals(200, http.get(path, bob).status());
    assertEquals(404, http.json("PATCH", path, bob, "{\"title\": \"mine now\"}").status());
    assertEquals(404, http.delete(path, bob).status());
    assertEquals(200, http.get(path, alice).status());
  }

  @Test
  void quotesAreAddedAndRemoved() {
    long id = id(create(alice, "{\"url\": \"https://example.com/quotes\", \"quotes\": [\"one\"]}"));
    Response added =
        http.json("POST", "/api/v1/bookmarks/" + id + "/quotes", alice, "{\"text\": \"two\"}");
    assertEquals(201, added.status(), added.body());
    var quotes = added.json().get("quotes");
    assertEquals("two", quotes.get(1).get("text").asText());
    long first = quotes.get(0).get("id").asLong();
    assertEquals(204, http.delete("/api/v1/bookmarks/" + id + "/quotes/" + first, alice).status());
    var after = http.get("/api/v1/bookmarks/" + id, alice).json().get("quotes");
    assertEquals(1, after.size());
    assertEquals("two", after.get(0).get("text").asText());
    assertEquals(404, http.delete("/api/v1/bookmarks/" + id + "/quotes/" + first, alice).status());
  }

  @Test
  void theTokenWorksAsBearerAndAsQueryParameterAndThePasswordAsBasic() {
    long id = id(create(alice, "{\"url\": \"https://example.com/auth\"}"));
    String token = alice.substring("Bearer ".length());
    assertEquals(200, http.get("/api/v1/bookmarks/" + id + "?auth_token=" + token, null).status());
    assertEquals(
        200, http.get("/api/v1/bookmarks/" + id, basic(aliceName, "alice-password")).status());
  }

  @Test
  void missingOrWrongCredentialsAre401WithAChallenge() {
    for (String auth :
        new String[] {
          null, bearer(aliceName + ":0000000000000000000A"), basic(aliceName, "wrong"), "Token x"
        }) {
      Response r = http.get("/api/v1/bookmarks/1", auth);
      assertEquals(401, r.status(), String.valueOf(auth));
      assertTrue(r.contentType().startsWith("application/problem+json"));
      assertTrue(
          r.headers().allValues("www-authenticate").stream()
              .anyMatch(v -> v.startsWith("Basic realm=")));
    }
  }

  @Test
  void frameworkErrorsAreProblemsToo() {
    Response notANumber = http.get("/api/v1/bookmarks/abc", alice);
    assertEquals(400, notANumber.status());
    assertTrue(notANumber.contentType().startsWith("application/problem+json"));
    Response noRoute = http.get("/api/v1/nothing-here", alice);
    assertEquals(404, noRoute.status());
    assertTrue(noRoute.contentType().startsWith("application/problem+json"));
  }

  @Test
  void healthAnswers200() {
    assertEquals(200, http.get("/health", null).status());
  }

  private Response create(String auth, String body) {
    Response r = http.json("POST", "/api/v1/bookmarks", auth, body);
    assertEquals(201, r.status(), r.body());
    return r;
  }

  private static long id(Response r) {
    return r.json().get("id").asLong();
  }
}
