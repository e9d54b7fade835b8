package cairn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.bookmark.BookmarkDraft;
import cairn.bookmark.BookmarkService;
import cairn.support.ApiTest;
import cairn.support.Http;
import cairn.support.TestStore;
import cairn.tag.TagList;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The search language through the JSON API, on the cases a new user tried first ({@code kafka
 * -jepsen} gave the opposite, {@code kafka OR raft} and {@code tag:kafka} nothing), with privacy on
 * every operator: someone else's private bookmark or private tag is never found, excluded or
 * counted.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchLanguageApiTest extends ApiTest {
  @Inject BookmarkService bookmarks;

  private String owner;
  private String ownerName;
  private String other;

  private void save(
      long user,
      String url,
      String title,
      String notes,
      String tags,
      boolean shared,
      boolean toread,
      String created) {
    bookmarks.create(
        user,
        new BookmarkDraft(
            url,
            title,
            notes,
            List.of(),
            TagList.parse(tags),
            shared,
            toread,
            Instant.parse(created)),
        false);
  }

  @BeforeAll
  void seed() {
    var o = users.create(TestStore.uniqueName("searcher"), "password-s");
    var x = users.create(TestStore.uniqueName("stranger"), "password-x");
    owner = Http.bearer(o.token());
    ownerName = o.user().name();
    other = Http.bearer(x.token());
    long id = o.user().id();
    save(
        id,
        "https://a.example/jepsen-kafka",
        "Kafka under Jepsen",
        "partitions",
        "distcomp kafka",
        true,
        false,
        "2016-05-01T00:00:00Z");
    save(
        id,
        "https://b.example/kafka",
        "Kafka internals",
        "the log",
        "kafka",
        true,
        false,
        "2017-07-15T00:00:00Z");
    save(
        id,
        "https://c.example/raft",
        "In search of an understandable consensus algorithm",
        "raft",
        "distcomp papers",
        true,
        true,
        "2018-02-01T00:00:00Z");
    save(
        id,
        "https://d.example/secret",
        "Kafka secrets",
        "mine",
        ".secret",
        false,
        false,
        "2019-01-01T00:00:00Z");
    save(
        id,
        "https://e.example/plain",
        "Nothing tagged",
        "kafka mentioned in notes",
        "",
        true,
        false,
        "2020-01-01T00:00:00Z");
    save(
        id,
        "https://f.example/hidden-tag",
        "Shared with a private tag",
        "",
        ".mine",
        true,
        false,
        "2021-01-01T00:00:00Z");
  }

  private List<String> titles(String auth, String q, String... more) {
    String path =
        "/api/v1/bookmarks?per_page=160&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    for (String m : more) {
      path += "&" + m;
    }
    Http.Response r = http.get(path, auth);
    assertEquals(200, r.status(), q + ": " + r.body());
    List<String> titles = new ArrayList<>();
    for (JsonNode b : r.json().get("items")) {
      titles.add(b.get("title").asText());
    }
    return titles;
  }

  private List<String> theirs(String q) {
    return titles(other, q, "user=" + ownerName);
  }

  @Test
  void exclusionExcludes() {
    assertEquals(
        List.of("Nothing tagged", "Kafka secrets", "Kafka internals"),
        titles(owner, "kafka -jepsen"));
    assertEquals(List.of("Nothing tagged", "Kafka internals"), theirs("kafka -jepsen"));
    assertEquals(List.of("Kafka internals"), theirs("kafka -jepsen -\"mentioned in notes\""));
  }

  @Test
  void orAndGroups() {
    assertEquals(
        List.of(
            "Nothing tagged",
            "In search of an understandable consensus algorithm",
            "Kafka internals",
            "Kafka under Jepsen"),
        theirs("kafka OR raft"));
    assertEquals(
        List.of("In search of an understandable consensus algorithm", "Kafka under Jepsen"),
        theirs("(jepsen OR raft) #distcomp"));
  }

  @Test
  void fieldsTagsFlagsAndDates() {
    assertEquals(List.of("Kafka internals", "Kafka under Jepsen"), theirs("tag:kafka"));
    assertEquals(List.of("Kafka under Jepsen"), theirs("#kafka title:jepsen"));
    assertEquals(List.of("Nothing tagged"), theirs("notes:kafka"));
    assertEquals(List.of("Kafka internals"), theirs("site:b.example"));
    assertEquals(
        List.of("In search of an understandable consensus algorithm"), theirs("is:unread"));
    assertEquals(List.of("Kafka internals"), theirs("after:2017-07 before:2018 kafka"));
    assertEquals(List.of("Kafka secrets"), titles(owner, "is:private"));
    assertEquals(List.of(), theirs("is:private"));
    assertEquals(List.of("Nothing tagged"), titles(owner, "is:untagged"));
    // for others a bookmark whose only tag is private has no tag
    assertEquals(List.of("Shared with a private tag", "Nothing tagged"), theirs("is:untagged"));
  }

  @Test
  void someoneElsesPrivateTagIsNeverFoundNorExcludedNorReadFromResults() {
    assertEquals(List.of("Shared with a private tag"), titles(owner, "tag:.mine"));
    assertEquals(List.of(), theirs("tag:.mine"));
    assertEquals(List.of(), theirs("#.mine OR #.secret"));
    assertEquals(theirs(""), theirs("-tag:.mine"), "excluding it reveals nothing");
    assertEquals(List.of(), theirs("secrets"));
  }

  @Test
  void eachHitSaysWhyItMatchedAQuoteFirstThenNotesThenTitleWithOnlyTheWordsAskedForMarked() {
    var q = users.create(TestStore.uniqueName("quoter"), "password-q");
    long id = q.user().id();
    bookmarks.create(
        id,
        new BookmarkDraft(
            "https://q.example/kafka-semantics",
            "Exactly once in Kafka",
            "Notes on delivery. Exactly once is a promise.",
            List.of("Unrelated passage.", "Exactly once delivery is <hard> & rare; jepsen agrees."),
            TagList.parse("kafka"),
            true,
            false,
            Instant.parse("2022-01-01T00:00:00Z")),
        false);
    save(
        id,
        "https://q.example/notes",
        "Plain title",
        "the log is the database",
        "",
        true,
        false,
        "2022-01-02T00:00:00Z");
    String auth = Http.bearer(q.token());
    JsonNode quote = items(auth, "\"exactly once\" -jepsen2").get(0).get("passage");
    assertEquals("quote", quote.get("field").asText());
    assertEquals(
        "<mark>Exactly</mark> <mark>once</mark> delivery is &lt;hard&gt; &amp; rare; jepsen agrees.",
        quote.get("html").asText());
    JsonNode notes = items(auth, "database").get(0).get("passage");
    assertEquals("notes", notes.get("field").asText());
    assertEquals("the log is the <mark>database</mark>", notes.get("html").asText());
    JsonNode title = items(auth, "plain -jepsen").get(0).get("passage");
    assertEquals("title", title.get("field").asText());
    assertEquals("<mark>Plain</mark> title", title.get("html").asText());
    // the quote says "delivery", but only the words asked for are marked, never an excluded one
    JsonNode kafka = items(auth, "kafka -title:delivery").get(0).get("passage");
    assertEquals("title", kafka.get("field").asText());
    assertEquals("Exactly once in <mark>Kafka</mark>", kafka.get("html").asText());
    assertTrue(!items(auth, "#kafka").get(0).has("passage"), "a tag matches no text");

    Http.Response page =
        http.send(
            "GET",
            "/u:"
                + q.user().name()
                + "?q="
                + URLEncoder.encode("\"exactly once\"", StandardCharsets.UTF_8),
            auth,
            null,
            null,
            Map.of("Accept", "text/html"));
    var doc = org.jsoup.Jsoup.parse(page.body());
    var passage = doc.selectFirst("article p.passage");
    assertEquals(
        List.of("Exactly", "once"), passage.select("mark").eachText(), "each word of a phrase");
    assertTrue(passage.text().contains("<hard> & rare"), passage.text());
    assertTrue(passage.select("hard").isEmpty(), "the quote's text is text, not markup");
  }

  private JsonNode items(String auth, String q) {
    Http.Response r =
        http.get("/api/v1/bookmarks?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), auth);
    assertEquals(200, r.status(), r.body());
    return r.json().get("items");
  }

  @Test
  void siteNamesAHostAndItsSubdomainsOnly() {
    var s = users.create(TestStore.uniqueName("sites"), "password-w");
    long id = s.user().id();
    save(id, "https://lwn.net/a", "lwn", "", "", true, false, "2020-01-01T00:00:00Z");
    save(id, "https://www.LWN.net:443/b", "www lwn", "", "", true, false, "2020-01-02T00:00:00Z");
    save(id, "https://notlwn.net/c", "not lwn", "", "", true, false, "2020-01-03T00:00:00Z");
    save(id, "https://lwn.net.evil.example/d", "evil", "", "", true, false, "2020-01-04T00:00:00Z");
    save(id, "http://10.0.0.1/e", "address", "", "", true, false, "2020-01-05T00:00:00Z");
    String auth = Http.bearer(s.token());
    assertEquals(List.of("www lwn", "lwn"), titles(auth, "site:lwn.net"));
    assertEquals(List.of("www lwn"), titles(auth, "site:https://www.lwn.net/some/path"));
    assertEquals(List.of("evil", "not lwn"), titles(auth, "-site:lwn.net -site:10.0.0.1"));
    assertEquals(List.of("address"), titles(auth, "site:10.0.0.1"));
    assertEquals(List.of(), titles(auth, "site:net"));
  }

  @Test
  void aSearchThatCannotBeReadIsA400SayingWhatAndWhere() {
    Http.Response r =
        http.get(
            "/api/v1/bookmarks?q=" + URLEncoder.encode("kafka (raft OR", StandardCharsets.UTF_8),
            owner);
    assertEquals(400, r.status(), r.body());
    assertEquals("q", r.json().get("field").asText());
    assertEquals("OR needs something after it at 12", r.json().get("rule").asText());
    assertEquals(12, r.json().get("position").asInt());
    Http.Response typo = http.get("/api/v1/bookmarks?q=titel:kafka", owner);
    assertEquals(400, typo.status());
    assertTrue(typo.json().get("rule").asText().contains("did you mean title:?"), typo.body());
  }

  @Test
  void onAPageTheMistakeIsShownBesideTheBoxWithTheSearchKept() {
    Http.Response page =
        http.send(
            "GET",
            "/u:" + ownerName + "?q=" + URLEncoder.encode("\"unclosed", StandardCharsets.UTF_8),
            null,
            null,
            null,
            Map.of("Accept", "text/html"));
    assertEquals(400, page.status());
    assertTrue(page.contentType().startsWith("text/html"), page.contentType());
    var doc = org.jsoup.Jsoup.parse(page.body());
    assertEquals("unclosed quote at 0", doc.selectFirst("form.search p.search-error").text());
    assertEquals("\"unclosed", doc.selectFirst("form.search input[name=q]").val(), "kept to mend");
    assertEquals("search-error", doc.selectFirst("input[name=q]").attr("aria-describedby"));
    assertTrue(doc.select("article").isEmpty());
  }
}
