package cairn.api;

import static cairn.support.Http.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.ApiTest;
import cairn.support.Http.Response;
import cairn.support.Sql;
import cairn.support.TestStore;
import cairn.support.TestStore.Counts;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input is a clean 4xx problem naming the field, and writes nothing. */
@MicronautTest(transactional = false)
class BadInputTest extends ApiTest {
  @Inject Sql sql;

  String auth;
  long existing;

  @BeforeEach
  void setUp() {
    if (auth != null) {
      return;
    }
    auth = bearer(users.create(TestStore.uniqueName("bad"), "password-1").token());
    Response r =
        http.json(
            "POST",
            "/api/v1/bookmarks",
            auth,
            "{\"url\": \"https://example.com/existing\", \"title\": \"Kept\", \"tags\": \"kept\", \"quotes\": [\"kept\"]}");
    existing = r.json().get("id").asLong();
  }

  static Stream<Arguments> badBodies() {
    String tags101 =
        IntStream.range(0, 101).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(","));
    String notes64k = "x".repeat(64 * 1024 + 1);
    return Stream.of(
        Arguments.of("missing url", "{\"title\": \"no url\"}", 400, "url"),
        Arguments.of("empty url", "{\"url\": \"\"}", 400, "url"),
        Arguments.of("blank url", "{\"url\": \"   \"}", 400, "url"),
        Arguments.of("javascript url", "{\"url\": \"javascript:alert(1)\"}", 400, "url"),
        Arguments.of("data url", "{\"url\": \"data:text/html;base64,PGI+eDwvYj4=\"}", 400, "url"),
        Arguments.of("relative url", "{\"url\": \"/just/a/path\"}", 400, "url"),
        Arguments.of(
            "101 tags", "{\"url\": \"https://e.com/1\", \"tags\": [" + tags101 + "]}", 400, "tags"),
        Arguments.of(
            "tag with a comma", "{\"url\": \"https://e.com/2\", \"tags\": [\"a,b\"]}", 400, "tags"),
        Arguments.of(
            "tag over 255",
            "{\"url\": \"https://e.com/3\", \"tags\": \"" + "t".repeat(256) + "\"}",
            400,
            "tags"),
        Arguments.of(
            "tag starting with -",
            "{\"url\": \"https://e.com/4\", \"tags\": \"-no\"}",
            400,
            "tags"),
        Arguments.of(
            "notes over 64 KiB",
            "{\"url\": \"https://e.com/5\", \"notes\": \"" + notes64k + "\"}",
            400,
            "notes"),
        Arguments.of(
            "quote over 64 KiB",
            "{\"url\": \"https://e.com/6\", \"quotes\": [\"" + notes64k + "\"]}",
            400,
            "quotes[0]"),
        Arguments.of(
            "empty quote",
            "{\"url\": \"https://e.com/7\", \"quotes\": [\"ok\", \"  \"]}",
            400,
            "quotes[1]"),
        Arguments.of("malformed JSON", "{\"url\": \"https://e.com/8\",", 400, "body"),
        Arguments.of("not an object", "[\"https://e.com/9\"]", 400, "body"),
        Arguments.of("empty body", "", 400, "body"),
        Arguments.of(
            "duplicate field",
            "{\"url\": \"https://e.com/10\", \"url\": \"https://e.com/11\"}",
            400,
            "body"),
        Arguments.of("url of wrong type", "{\"url\": 42}", 400, "url"),
        Arguments.of(
            "shared as a string",
            "{\"url\": \"https://e.com/12\", \"shared\": \"yes\"}",
            400,
            "shared"),
        Arguments.of(
            "toread as a number", "{\"url\": \"https://e.com/13\", \"toread\": 1}", 400, "toread"),
        Arguments.of(
            "tags as a number", "{\"url\": \"https://e.com/14\", \"tags\": 7}", 400, "tags"),
        Arguments.of(
            "tags array of numbers",
            "{\"url\": \"https://e.com/15\", \"tags\": [7]}",
            400,
            "tags[0]"),
        Arguments.of(
            "quotes as a string",
            "{\"url\": \"https://e.com/16\", \"quotes\": \"q\"}",
            400,
            "quotes"),
        Arguments.of(
            "unknown field",
            "{\"url\": \"https://e.com/17\", \"extended\": \"pinboard name\"}",
            400,
            "extended"),
        Arguments.of(
            "unparseable created",
            "{\"url\": \"https://e.com/18\", \"created\": \"last tuesday\"}",
            400,
            "created"),
        Arguments.of(
            "created in the future",
            "{\"url\": \"https://e.com/19\", \"created\": \"2999-01-01T00:00:00Z\"}",
            400,
            "created"),
        Arguments.of(
            "created as a number",
            "{\"url\": \"https://e.com/20\", \"created\": 1499000000}",
            400,
            "created"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void createWithBadInputIsAProblemNamingTheFieldAndWritesNothing(
      String what, String body, int status, String field) {
    Counts before = Counts.of(sql);
    Response r = http.json("POST", "/api/v1/bookmarks", auth, body);
    assertProblem(r, status, field);
    assertEquals(before, Counts.of(sql));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void patchWithBadInputChangesNothing(String what, String body, int status, String field) {
    if (field.equals("url") && what.startsWith("missing")) {
      return; // a patch without url is valid
    }
    String before = http.get("/api/v1/bookmarks/" + existing, auth).body();
    Counts counts = Counts.of(sql);
    Response r = http.json("PATCH", "/api/v1/bookmarks/" + existing, auth, body);
    assertProblem(r, status, field);
    assertEquals(counts, Counts.of(sql));
    assertEquals(before, http.get("/api/v1/bookmarks/" + existing, auth).body());
  }

  @Test
  void anOversizedBodyIs413() {
    Counts before = Counts.of(sql);
    String huge =
        "{\"url\": \"https://e.com/big\", \"notes\": \"" + "x".repeat(9 * 1024 * 1024) + "\"}";
    Response r = http.json("POST", "/api/v1/bookmarks", auth, huge);
    assertEquals(413, r.status());
    assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
    assertEquals(before, Counts.of(sql));
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    Response r =
        http.send(
            "POST",
            "/api/v1/bookmarks",
            auth,
            "application/x-www-form-urlencoded",
            "url=https://e.com/form");
    assertEquals(415, r.status());
    assertTrue(r.contentType().startsWith("application/problem+json"));
  }

  @Test
  void aBadReplaceFlagIsAProblem() {
    Response r =
        http.json(
            "POST", "/api/v1/bookmarks?replace=maybe", auth, "{\"url\": \"https://e.com/flag\"}");
    assertProblem(r, 400, "replace");
  }

  @Test
  void aPathIdThatIsNotANumberNamesTheFieldAndNotTheParser() {
    Response r = http.get("/api/v1/bookmarks/abc", auth);
    assertProblem(r, 400, "id");
    assertEquals("must be a whole number; got 'abc'", r.json().get("rule").asText());
    assertTrue(!r.body().contains("For input string"), r.body());
  }

  @Test
  void aPortPast65535IsAProblemAndWritesNothing() {
    Counts before = Counts.of(sql);
    for (String method : new String[] {"POST", "PATCH"}) {
      String path = method.equals("POST") ? "/api/v1/bookmarks" : "/api/v1/bookmarks/" + existing;
      Response r = http.json(method, path, auth, "{\"url\": \"http://a.example:99999999999/\"}");
      assertProblem(r, 400, "url");
    }
    assertEquals(before, Counts.of(sql));
  }

  private static void assertProblem(Response r, int status, String field) {
    assertEquals(status, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
    assertEquals(status, r.json().get("status").asInt());
    assertEquals(field, r.json().get("field").asText(), r.body());
    assertTrue(r.json().get("rule").asText().length() > 5, r.body());
  }
}
