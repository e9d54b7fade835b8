package cairn.api.pinboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.ApiTest;
import cairn.support.Http;
import cairn.support.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How Pinboard clients really call: transports, encodings, flags, dates and credentials. */
@MicronautTest(transactional = false)
class PinboardProtocolTest extends ApiTest {

  String name;
  String token;

  @BeforeEach
  void setUp() {
    if (name == null) {
      name = TestStore.uniqueName("pin");
      token = users.create(name, "pin-password").token();
    }
  }

  @Test
  void basicAuthWorksForClientsThatWaitForTheChallenge() throws Exception {
    HttpClient challenged =
        HttpClient.newBuilder()
            .authenticator(
                new Authenticator() {
                  @Override
                  protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(name, "pin-password".toCharArray());
                  }
                })
            .build();
    var response =
        challenged.send(
            HttpRequest.newBuilder(server.getURI().resolve("/v1/user/api_token?format=json"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(
        token.substring(token.indexOf(':') + 1), json(response.body()).get("result").asText());
  }

  @Test
  void postWithAFormBodyAndATrailingSlashWorks() {
    String body =
        "auth_token="
            + token
            + "&url="
            + enc("https://form.example.com/")
            + "&description=Form&tags=a+b";
    var r =
        http.send(
            "POST", "/v1/posts/add/?format=json", null, "application/x-www-form-urlencoded", body);
    assertEquals("done", json(r.body()).get("result_code").asText(), r.body());
    assertEquals("a b", post("https://form.example.com/").get("tags").asText());
  }

  @Test
  void postWithParametersInTheQueryStringWorks() {
    var r =
        http.send(
            "POST",
            "/v1/posts/add?format=json&auth_token="
                + token
                + "&url="
                + enc("https://query.example.com/")
                + "&description=Q",
            null,
            null,
            null);
    assertEquals("done", json(r.body()).get("result_code").asText(), r.body());
  }

  @Test
  void unknownParametersAreIgnoredAndLongUrisAccepted() {
    String longUrl = "https://long.example.com/?q=" + "x".repeat(7000);
    var r =
        call(
            "posts/add",
            "url=" + enc(longUrl) + "&description=Long&_=posts/update&debug=false&D=false");
    assertEquals("done", r.get("result_code").asText());
    assertEquals(longUrl, post(longUrl).get("href").asText());
  }

  @ParameterizedTest
  @CsvSource({
    "'2011-05-16 10:11:12', 1",
    "'2011-05-16 10:11:11.5', 1",
    "'2011-05-16 10:11', 1",
    "'2011-05-16 12:11:12+02:00', 1",
    "'2011-05-16T10:11:12Z', 1",
    "'2011-05-16 10:11:13', 0",
  })
  void datesAsPythonWritesThemAreUtc(String fromdt, int expected) {
    // pinboard.py: posts.all(fromdt=datetime(...)) sends str(datetime)
    String url = "https://python-dates.example.com/" + fromdt.hashCode();
    call("posts/add", "url=" + enc(url) + "&description=P&dt=2011-05-16T10:11:12Z");
    JsonNode all = call("posts/all", "fromdt=" + enc(fromdt));
    long matching =
        java.util.stream.StreamSupport.stream(all.spliterator(), false)
            .filter(p -> p.get("href").asText().equals(url))
            .count();
    assertEquals(expected, matching, all.toString());
  }

  @ParameterizedTest
  @CsvSource({"yes, no", "true, false", "1, 0"})
  void flagsAcceptYesNoTrueFalseOneZero(String on, String off) {
    String url = "https://flags.example.com/" + on;
    call("posts/add", "url=" + enc(url) + "&description=F&shared=" + off + "&toread=" + on);
    JsonNode p = post(url);
    assertEquals("no", p.get("shared").asText());
    assertEquals("yes", p.get("toread").asText());
  }

  @Test
  void replaceWithoutDtKeepsTheOriginalTimeAndWithDtTakesIt() {
    String url = "https://replace.example.com/";
    call("posts/add", "url=" + enc(url) + "&description=First&dt=2019-01-02T03:04:05Z");
    call("posts/add", "url=" + enc(url) + "&description=Second");
    assertEquals("2019-01-02T03:04:05Z", post(url).get("time").asText());
    assertEquals("Second", post(url).get("description").asText());
    call("posts/add", "url=" + enc(url) + "&description=Third&dt=2018-01-01T00:00:00%2B01:00");
    assertEquals("2017-12-31T23:00:00Z", post(url).get("time").asText());
  }

  @Test
  void aDtFarInTheFutureBecomesNow() {
    String url = "https://future.example.com/";
    call("posts/add", "url=" + enc(url) + "&description=F&dt=2999-01-01T00:00:00Z");
    assertTrue(post(url).get("time").asText().startsWith("20"), post(url).toString());
    assertTrue(post(url).get("time").asText().compareTo("2100") < 0);
  }

  @Test
  void aLongTitleIsKeptWhole() {
    String url = "https://title.example.com/";
    String title = "t".repeat(300);
    assertEquals(
        "done",
        call("posts/add", "url=" + enc(url) + "&description=" + title).get("result_code").asText());
    assertEquals(title, post(url).get("description").asText());
  }

  @Test
  void readsWithBadParametersAreA400InPinboardsShape() {
    var r = http.get("/v1/posts/get?format=json&auth_token=" + token + "&tag=a+b+c+d", null);
    assertEquals(400, r.status());
    assertTrue(json(r.body()).get("result_code").asText().startsWith("tag:"), r.body());
  }

  @Test
  void popularSuggestionsComeOnlyFromSharedBookmarksAndPublicTags() {
    String url = "https://suggest.example.com/";
    String other = users.create(TestStore.uniqueName("other"), "other-password").token();
    http.get(
        "/v1/posts/add?format=json&auth_token="
            + other
            + "&url="
            + enc(url)
            + "&description=S&tags=hidden&shared=no",
        null);
    http.get(
        "/v1/posts/add?format=json&auth_token="
            + other
            + "&url="
            + enc("https://suggest.example.com")
            + "&description=S&tags=visible+.secret&replace=yes&shared=yes",
        null);
    var r = call("posts/suggest", "url=" + enc(url));
    assertEquals("[\"visible\"]", r.get(0).get("popular").toString());
  }

  @Test
  void xmlKeepsLineBreaksTabsAndMarkupInAttributesAndWritesEmptyElementsAsPinboardDoes()
      throws Exception {
    String url = "https://xml.example.com/?a=1&b=2";
    String notes = "line one\nline two\r\n\tindented <b>bold</b> & \"quoted\"\u0001";
    var added =
        http.get(
            "/v1/posts/add?auth_token="
                + token
                + "&url="
                + enc(url)
                + "&description="
                + enc("T <&> \"x\"")
                + "&extended="
                + enc(notes)
                + "&tags="
                + enc("a&b c<d"),
            null);
    assertEquals(200, added.status(), added.body());
    // newsboat's pinboard.pl looks for this very text
    assertTrue(added.body().contains("<result code=\"done\" />"), added.body());

    JsonNode stored = post(url);
    var xml = http.get("/v1/posts/get?auth_token=" + token + "&url=" + enc(url), null);
    assertEquals(200, xml.status(), xml.body());
    assertTrue(xml.body().contains(" />"), xml.body());
    var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    org.w3c.dom.Element post =
        (org.w3c.dom.Element)
            factory
                .newDocumentBuilder()
                .parse(
                    new java.io.ByteArrayInputStream(xml.body().getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("post")
                .item(0);
    // the XML says what the JSON says: the stored text, line breaks and tabs included
    assertTrue(stored.get("extended").asText().contains("line one\nline two"), stored.toString());
    assertEquals(stored.get("extended").asText(), post.getAttribute("extended"));
    assertEquals(stored.get("description").asText(), post.getAttribute("description"));
    assertEquals(stored.get("tags").asText(), post.getAttribute("tag"));
    assertEquals(url, post.getAttribute("href"));
  }

  private JsonNode call(String method, String query) {
    var r = http.get("/v1/" + method + "?format=json&auth_token=" + token + "&" + query, null);
    assertEquals(200, r.status(), r.body());
    return json(r.body());
  }

  private JsonNode post(String url) {
    JsonNode posts = call("posts/get", "url=" + enc(url)).get("posts");
    assertEquals(1, posts.size(), posts.toString());
    return posts.get(0);
  }

  private static JsonNode json(String body) {
    return new Http.Response(200, null, body).json();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
