package cairn.web;

import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.db.schema.Tables.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.bookmark.BookmarkDraft;
import cairn.support.FeedReader;
import cairn.support.Http;
import cairn.support.Sql;
import cairn.support.TestStore;
import cairn.support.WebClient.Page;
import cairn.support.WebTest;
import cairn.tag.TagList;
import cairn.user.User;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The RSS and Atom feeds of the listings, read by a feed parser nobody here wrote: their items are
 * the page's, with titles, links, tags, authors, dates and escaped notes; count, errors,
 * conditional GET, and the links on the pages.
 */
@MicronautTest(transactional = false)
class FeedTest extends WebTest {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);
  private static final Instant DAY = Instant.parse("2024-03-01T10:00:00Z");

  @Inject Sql sql;
  private FeedReader reader;

  @BeforeEach
  void reader() throws Exception {
    if (reader == null) {
      reader = FeedReader.start(server.getURI());
    }
  }

  @Test
  void aUserTagFeedCarriesThePagesBookmarksAsAFeedParserReadsThem() throws Exception {
    User owner = users.create(TestStore.uniqueName("feed"), PASSWORD).user();
    String tag = TestStore.uniqueName("distcomp");
    save(
        owner,
        "https://example.org/raft",
        "Raft <in> search of an understandable consensus",
        "notes with <b>bold</b> & more\nsecond line\n\nsecond paragraph",
        List.of("a passage <i>quoted</i>"),
        tag + " papers",
        DAY);
    save(
        owner,
        "https://example.org/paxos",
        "Paxos made simple",
        "",
        List.of(),
        tag,
        DAY.plus(1, ChronoUnit.DAYS));
    save(
        owner,
        "https://example.org/other",
        "Other",
        "",
        List.of(),
        "unrelated",
        DAY.plus(2, ChronoUnit.DAYS));

    String path = "/u:" + owner.name() + "/t:" + tag;
    List<JsonNode> feeds = reader.read("/feeds/rss" + path, "/feeds/atom" + path);
    for (JsonNode feed : feeds) {
      assertEquals(200, feed.get("status").asInt());
      assertEquals(owner.name() + " + " + tag + " · Cairn", feed.at("/meta/title").asText());
      assertEquals(base() + path, feed.at("/meta/link").asText());
      assertEquals(
          List.of("Paxos made simple", "Raft <in> search of an understandable consensus"),
          FeedReader.values(feed, "title"));
      assertEquals(
          List.of("https://example.org/paxos", "https://example.org/raft"),
          FeedReader.values(feed, "link"));
      JsonNode raft = feed.get("items").get(1);
      assertEquals(List.of(tag, "papers"), FeedReader.categories(raft));
      assertEquals(owner.name(), raft.get("author").asText());
      assertEquals(DAY, Instant.parse(raft.get("pubdate").asText()));
      String description = raft.get("description").asText();
      assertTrue(
          description.startsWith(
              "<p>notes with &lt;b&gt;bold&lt;/b&gt; &amp; more<br>second line</p>"
                  + "<p>second paragraph</p>"),
          description);
      assertTrue(
          description.endsWith("<blockquote>a passage &lt;i&gt;quoted&lt;/i&gt;</blockquote>"),
          description);
    }
    assertEquals("rss", feeds.get(0).get("type").asText());
    assertEquals("atom", feeds.get(1).get("type").asText());
    // Atom carries both dates: published (the bookmark's date) and updated (its last edit)
    JsonNode atomRaft = feeds.get(1).get("items").get(1);
    assertTrue(Instant.parse(atomRaft.get("date").asText()).isAfter(DAY), atomRaft.toString());
  }

  @Test
  void everyonesAndSearchFeedsCarryExactlyTheBookmarksTheirPagesShow() throws Exception {
    User ann = users.create(TestStore.uniqueName("ann"), PASSWORD).user();
    User bob = users.create(TestStore.uniqueName("bob"), PASSWORD).user();
    String tag = TestStore.uniqueName("shared");
    String word = TestStore.uniqueName("zanzibar");
    save(ann, "https://example.org/a1", "First " + word, "", List.of(), tag, DAY);
    save(
        bob,
        "https://example.org/b1",
        "Second " + word,
        "",
        List.of(),
        tag + " other",
        DAY.plusSeconds(60));
    save(ann, "https://example.org/a2", "Third", "", List.of(), tag, DAY.plusSeconds(120));

    for (String path :
        List.of(
            "/t:" + tag,
            "/t:" + tag + "/t:-other",
            "/recent?q=" + word,
            "/search?q=" + word,
            "/u:" + ann.name() + "?q=" + word)) {
      List<String> shown =
          browser().get(path).doc().select("article.bookmark h2.title a").eachAttr("href");
      assertFalse(shown.isEmpty(), path);
      for (JsonNode feed : reader.read("/feeds/rss" + path, "/feeds/atom" + path)) {
        assertEquals(shown, FeedReader.values(feed, "link"), feed.get("url").asText());
      }
    }
    JsonNode everyone = reader.read("/feeds/atom/t:" + tag);
    assertEquals(
        List.of(ann.name(), bob.name(), ann.name()), FeedReader.values(everyone, "author"));
    assertEquals("everyone + " + tag + " · Cairn", everyone.at("/meta/title").asText());
  }

  @Test
  void countSetsTheFeedsLengthFromTheNewestAndPerPageWorksAsOnThePage() throws Exception {
    User owner = users.create(TestStore.uniqueName("many"), PASSWORD).user();
    for (int i = 0; i < 25; i++) {
      save(
          owner,
          "https://example.org/n" + i,
          "Number " + i,
          "",
          List.of(),
          "n",
          DAY.plusSeconds(i));
    }
    String feed = "/feeds/rss/u:" + owner.name();
    List<JsonNode> feeds =
        reader.read(feed, feed + "?count=5", feed + "?count=400", feed + "?per_page=40");
    assertEquals(20, feeds.get(0).get("items").size());
    assertEquals(
        List.of("Number 24", "Number 23", "Number 22", "Number 21", "Number 20"),
        FeedReader.values(feeds.get(1), "title"));
    assertEquals(25, feeds.get(2).get("items").size());
    assertEquals(25, feeds.get(3).get("items").size());
  }

  @Test
  void aBadCountOrPageSizeIsA400InPlainTextNamingTheField() {
    User owner = users.create(TestStore.uniqueName("bad"), PASSWORD).user();
    for (String count : List.of("0", "401", "abc", "-3", "1e3", "99999999999")) {
      Http.Response r = http.get("/feeds/rss/u:" + owner.name() + "?count=" + count, null);
      assertEquals(400, r.status(), count);
      assertTrue(r.contentType().startsWith("text/plain"), r.contentType());
      assertTrue(r.body().contains("count: must be a whole number from 1 to 400"), r.body());
    }
    Http.Response perPage = http.get("/feeds/atom/recent?per_page=7", null);
    assertEquals(400, perPage.status());
    assertTrue(perPage.body().contains("per_page"), perPage.body());
    Http.Response unread = http.get("/feeds/atom/recent?unread=maybe", null);
    assertEquals(400, unread.status());
    assertTrue(unread.body().contains("unread"), unread.body());
  }

  @Test
  void unknownFeedsAndWrongMethodsAnswerInPlainTextNeverAnHtmlPageNorJson() {
    User owner = users.create(TestStore.uniqueName("err"), PASSWORD).user();
    Map<String, Integer> expected =
        Map.of(
            "/feeds/xml/u:" + owner.name(),
            404,
            "/feeds/xml/u:" + owner.name() + "_gone",
            404,
            "/feeds/rss/nothing",
            404,
            "/feeds/rss/u:" + owner.name() + "_gone",
            404,
            "/feeds/rss/u:" + owner.name() + "/x:y",
            400,
            "/feeds",
            404);
    expected.forEach(
        (path, status) -> {
          Http.Response r = http.get(path, null);
          assertEquals(status, r.status(), path + " " + r.body());
          assertTrue(r.contentType().startsWith("text/plain"), path + " " + r.contentType());
          assertTrue(r.body().startsWith(status + " "), r.body());
          assertFalse(r.body().contains("<"), r.body());
          if (path.startsWith("/feeds/xml/")) {
            assertEquals("404 Not Found: no such feed\n", r.body());
          }
        });
    Http.Response post = http.send("POST", "/feeds/rss/recent", null, null, "");
    assertEquals(405, post.status());
    assertTrue(post.contentType().startsWith("text/plain"), post.contentType());
  }

  @Test
  void aFeedAnswers304ToItsOwnETagUntilItChangesByADeletion() {
    User owner = users.create(TestStore.uniqueName("etag"), PASSWORD).user();
    save(owner, "https://example.org/kept", "Kept", "", List.of(), "x", DAY);
    long gone =
        save(owner, "https://example.org/gone", "Gone", "", List.of(), "x", DAY.plusSeconds(1));
    String feed = "/feeds/atom/u:" + owner.name();
    Http.Response first = http.get(feed, null);
    assertEquals(200, first.status());
    String etag = first.headers().firstValue("ETag").orElseThrow();

    Http.Response same = get(feed, Map.of("If-None-Match", etag));
    assertEquals(304, same.status());
    assertEquals("", same.body());
    assertEquals(etag, same.headers().firstValue("ETag").orElseThrow());
    assertEquals(304, get(feed, Map.of("If-None-Match", "\"other\", W/" + etag)).status());
    assertEquals(200, get(feed, Map.of("If-None-Match", "\"other\"")).status());
    assertNotEquals(
        etag, http.get("/feeds/rss/u:" + owner.name(), null).headers().firstValue("ETag").get());

    bookmarks.delete(owner.id(), gone);
    Http.Response after = get(feed, Map.of("If-None-Match", etag));
    assertEquals(200, after.status());
    assertNotEquals(etag, after.headers().firstValue("ETag").orElseThrow());
    assertFalse(after.body().contains("https://example.org/gone"), after.body());
  }

  @Test
  void lastModifiedIsTheLastChangeAndAnswersIfModifiedSince() {
    User owner = users.create(TestStore.uniqueName("since"), PASSWORD).user();
    save(owner, "https://example.org/old", "Old", "", List.of(), "x", DAY);
    Instant hourAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    // as if everything had been saved an hour ago
    sql.run(
        db -> {
          db.update(BOOKMARKS)
              .set(BOOKMARKS.UPDATED_AT, hourAgo.toEpochMilli())
              .where(BOOKMARKS.USER_ID.eq(owner.id()))
              .execute();
          db.update(USERS)
              .set(USERS.BOOKMARKS_CHANGED_AT, hourAgo.toEpochMilli())
              .where(USERS.ID.eq(owner.id()))
              .execute();
        });
    String feed = "/feeds/rss/u:" + owner.name();
    Http.Response first = http.get(feed, null);
    String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
    assertEquals(HTTP_DATE.format(hourAgo), lastModified);

    assertEquals(304, get(feed, Map.of("If-Modified-Since", lastModified)).status());
    assertEquals(
        200,
        get(feed, Map.of("If-Modified-Since", HTTP_DATE.format(hourAgo.minusSeconds(1)))).status());
    assertEquals(200, get(feed, Map.of("If-Modified-Since", "yesterday")).status());
    // If-None-Match decides when both are sent
    assertEquals(
        200,
        get(feed, Map.of("If-Modified-Since", lastModified, "If-None-Match", "\"other\""))
            .status());

    save(owner, "https://example.org/new", "New", "", List.of(), "x", DAY);
    Http.Response changed = get(feed, Map.of("If-Modified-Since", lastModified));
    assertEquals(200, changed.status());
    assertTrue(changed.body().contains("https://example.org/new"), changed.body());
  }

  @Test
  void charactersXmlCannotCarryInOldRowsNeverMakeAFeedUnparseable() throws Exception {
    User owner = users.create(TestStore.uniqueName("ctl"), PASSWORD).user();
    long id = save(owner, "https://example.org/ctl", "Clean", "clean", List.of(), "x", DAY);
    // written before the store dropped them: the feed must still parse
    sql.run(
        db ->
            db.update(BOOKMARKS)
                .set(BOOKMARKS.TITLE, "bell\u0007 and\u0000 nul\uFFFF")
                .set(BOOKMARKS.NOTES, "esc\u001b here \uFFFE lone")
                .where(BOOKMARKS.ID.eq(id))
                .execute());
    for (JsonNode feed :
        reader.read("/feeds/rss/u:" + owner.name(), "/feeds/atom/u:" + owner.name())) {
      assertEquals(List.of("bell and nul"), FeedReader.values(feed, "title"));
      assertEquals("<p>esc here  lone</p>", feed.get("items").get(0).get("description").asText());
    }
  }

  @Test
  void listingPagesAnnounceTheirFeedsInTheHeadAndLinkThemVisibly() throws Exception {
    User owner = users.create(TestStore.uniqueName("links"), PASSWORD).user();
    String tag = TestStore.uniqueName("t");
    save(owner, "https://example.org/l", "Linked", "", List.of(), tag, DAY);
    Map<String, String> pages =
        Map.of(
            "/u:" + owner.name() + "/t:" + tag + "?q=linked&per_page=40&cursor=",
            "/u:" + owner.name() + "/t:" + tag + "?q=linked&per_page=40",
            "/t:" + tag + "/t:-" + tag + "x",
            "/t:" + tag + "/t:-" + tag + "x",
            "/recent",
            "/recent",
            "/search?q=linked",
            "/recent?q=linked");
    for (Map.Entry<String, String> page : pages.entrySet()) {
      Page html = browser().get(page.getKey());
      assertEquals(200, html.status(), page.getKey());
      for (String kind : List.of("rss", "atom")) {
        String feed = "/feeds/" + kind + page.getValue();
        assertEquals(
            feed,
            html.doc()
                .selectFirst("head link[rel=alternate][type=application/" + kind + "+xml]")
                .attr("href"),
            page.getKey());
        assertEquals(feed, html.doc().selectFirst("p.feeds a.feed." + kind).attr("href"));
      }
      assertNull(html.doc().selectFirst("a.feed.private"), page.getKey());
    }
    String visible =
        browser().get("/u:" + owner.name()).doc().selectFirst("p.feeds a.feed.rss").attr("href");
    JsonNode feed = reader.read(visible);
    assertEquals(List.of("https://example.org/l"), FeedReader.values(feed, "link"));
  }

  private Http.Response get(String path, Map<String, String> headers) {
    return http.send("GET", path, null, null, null, headers);
  }

  private String base() {
    return server.getURI().toString().replaceAll("/$", "");
  }

  private long save(
      User owner,
      String url,
      String title,
      String notes,
      List<String> quotes,
      String tags,
      Instant created) {
    return bookmarks
        .create(
            owner.id(),
            new BookmarkDraft(url, title, notes, quotes, TagList.parse(tags), true, false, created),
            false)
        .bookmark()
        .id();
  }
}
