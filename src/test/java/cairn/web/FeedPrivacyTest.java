package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.bookmark.BookmarkDraft;
import cairn.support.FeedReader;
import cairn.support.Http;
import cairn.support.TestStore;
import cairn.support.WebClient.Page;
import cairn.support.WebTest;
import cairn.tag.TagList;
import cairn.user.User;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Private means private in feeds: a private bookmark or {@code .tag} never reaches a public feed
 * (user, tag, everyone's, search), even for its signed-in owner's browser; the private feed needs
 * the owner's current secret, and anything else is one and the same 404.
 */
@MicronautTest(transactional = false)
class FeedPrivacyTest extends WebTest {
  private static final String PRIVATE_URL = "https://example.org/private-one";
  private static final Instant DAY = Instant.parse("2024-03-01T10:00:00Z");

  private FeedReader reader;
  private Account ann;
  private Account bob;
  private String tag;
  private String word;

  @BeforeEach
  void data() throws Exception {
    if (ann != null) {
      return;
    }
    reader = FeedReader.start(server.getURI());
    ann = account("ann");
    bob = account("bob");
    tag = TestStore.uniqueName("topic");
    word = TestStore.uniqueName("quokka");
    save(ann.user(), "https://example.org/shared", "Shared " + word, tag + " .hidden", true, false);
    save(ann.user(), PRIVATE_URL, "Private " + word, tag + " .hidden", false, false);
    save(ann.user(), "https://example.org/unread", "Unread " + word, tag, true, true);
    save(bob.user(), "https://example.org/bobs", "Bob's " + word, tag, true, false);
  }

  @Test
  void privateBookmarksAndDotTagsNeverAppearInAnyPublicFeed() throws Exception {
    String name = ann.name();
    List<String> paths =
        List.of(
            "/u:" + name,
            "/u:" + name + "/t:" + tag,
            "/u:" + name + "?q=" + word,
            "/u:" + name + "/t:.hidden",
            "/t:" + tag,
            "/t:.hidden",
            "/recent?count=400",
            "/search?q=" + word,
            "/search?q=hidden");
    for (String path : paths) {
      for (String kind : List.of("rss", "atom")) {
        String feed = "/feeds/" + kind + path;
        Http.Response anonymous = http.get(feed, null);
        Page ownersBrowser = ann.browser().get(feed);
        for (String body : List.of(anonymous.body(), ownersBrowser.body())) {
          assertFalse(body.contains(PRIVATE_URL), feed + "\n" + body);
          assertFalse(body.contains("Private " + word), feed);
          // the path may name .hidden (the asker typed it); no item may carry it
          assertFalse(body.contains("<category term=\".hidden\""), feed);
          assertFalse(body.contains("<category>.hidden</category>"), feed);
        }
      }
    }
    JsonNode everyone = reader.read("/feeds/atom/t:" + tag);
    assertEquals(3, everyone.get("items").size());
    everyone
        .get("items")
        .forEach(
            item -> assertFalse(FeedReader.categories(item).contains(".hidden"), item.toString()));
  }

  @Test
  void thePrivateFeedFromSettingsCarriesTheOwnersPrivateBookmarksAndDotTags() throws Exception {
    Page settings = ann.browser().get("/settings");
    String rss = settings.doc().selectFirst("ul.private-feeds a.feed.private.rss").attr("href");
    String atom = settings.doc().selectFirst("ul.private-feeds a.feed.private.atom").attr("href");
    String secret = pinboardSecret(ann.user());
    assertEquals(feedUrl("rss", secret, ann.name()), rss);
    assertEquals(feedUrl("atom", secret, ann.name()), atom);

    for (JsonNode feed : reader.read(rss, atom, rss + "/t:.hidden")) {
      assertTrue(FeedReader.values(feed, "link").contains(PRIVATE_URL), feed.toString());
      JsonNode shared = feed.get("items").get(feed.get("items").size() - 1);
      assertTrue(FeedReader.categories(shared).contains(".hidden"), shared.toString());
    }
    Http.Response response = http.get(URI.create(rss).getRawPath(), null);
    assertEquals("private, no-cache", response.headers().firstValue("Cache-Control").orElseThrow());
  }

  @Test
  void theUnreadFeedCarriesTheOwnersUnreadBookmarksOnly() throws Exception {
    String secret = pinboardSecret(ann.user());
    for (String kind : List.of("rss", "atom")) {
      JsonNode feed = reader.read(feedUrl(kind, secret, ann.name()) + "/toread");
      assertEquals(List.of("https://example.org/unread"), FeedReader.values(feed, "link"));
      assertTrue(feed.at("/meta/title").asText().contains("unread"), feed.toString());
    }
  }

  @Test
  void aWrongSecretAnotherUsersSecretOrNoSuchUserAreTheSame404() {
    String annSecret = pinboardSecret(ann.user());
    String bobSecret = pinboardSecret(bob.user());
    List<String> refused =
        List.of(
            "/feeds/rss/secret:" + bobSecret + "/u:" + ann.name(),
            "/feeds/rss/secret:" + annSecret.toUpperCase() + "/u:" + ann.name(),
            "/feeds/rss/secret:" + annSecret.substring(1) + "/u:" + ann.name(),
            "/feeds/atom/secret:" + bobSecret + "/u:" + ann.name() + "/t:.hidden",
            "/feeds/rss/secret:" + annSecret + "/u:" + ann.name() + "_nobody",
            "/feeds/rss/secret:" + annSecret + "/u:" + ann.name() + "_nobody/x:broken");
    for (String path : refused) {
      Http.Response r = http.get(path, null);
      assertEquals(404, r.status(), path);
      assertEquals("404 Not Found: no such feed\n", r.body(), path);
    }
    assertEquals(404, http.get("/feeds/atom/secret:/u:" + ann.name() + "/toread", null).status());
  }

  @Test
  void aNewSecretFromSettingsMakesTheOldAddressA404AndTheNewOneWork() throws Exception {
    Account carl = account("carl");
    save(carl.user(), PRIVATE_URL + "/carl", "Carl's private", "x", false, false);
    String old = pinboardSecret(carl.user());
    String oldFeed = URI.create(feedUrl("rss", old, carl.name())).getRawPath();
    assertEquals(200, http.get(oldFeed, null).status());

    Page settings = carl.browser().get("/settings");
    Page done = carl.browser().submit(settings, "form[action=/settings/feeds]", Map.of());
    assertEquals(303, done.status(), done.toString());

    String fresh = pinboardSecret(carl.user());
    assertNotEquals(old, fresh);
    assertEquals(404, http.get(oldFeed, null).status());
    assertEquals(404, http.get(oldFeed + "/toread", null).status());
    String shown =
        carl.browser()
            .get("/settings")
            .doc()
            .selectFirst("ul.private-feeds a.feed.private.rss")
            .attr("href");
    assertEquals(feedUrl("rss", fresh, carl.name()), shown);
    JsonNode feed = reader.read(shown);
    assertEquals(List.of(PRIVATE_URL + "/carl"), FeedReader.values(feed, "link"));
  }

  @Test
  void aNewSecretNeedsTheFormsCsrfToken() {
    String before = pinboardSecret(bob.user());
    Page refused = bob.browser().post("/settings/feeds", Map.of("csrf", "forged"));
    assertEquals(403, refused.status());
    assertEquals(before, pinboardSecret(bob.user()));
    Page stranger = browser().post("/settings/feeds", Map.of());
    assertNotEquals(200, stranger.status());
    assertEquals(before, pinboardSecret(bob.user()));
  }

  @Test
  void onlyTheOwnerSeesTheirPrivateFeedLinkOnTheirListing() {
    String secret = pinboardSecret(ann.user());
    Page own = ann.browser().get("/u:" + ann.name() + "/t:" + tag);
    assertEquals(
        "/feeds/rss/secret:" + secret + "/u:" + ann.name() + "/t:" + tag,
        own.doc().selectFirst("p.feeds a.feed.private.rss").attr("href"));
    assertNotNull(own.doc().selectFirst("p.feeds a.feed.rss:not(.private)"));
    // the head announces the public feeds only
    assertFalse(own.doc().select("head link[rel=alternate]").outerHtml().contains(secret));
    for (Page other :
        List.of(bob.browser().get("/u:" + ann.name()), browser().get("/u:" + ann.name()))) {
      assertNull(other.doc().selectFirst("a.feed.private"));
      assertFalse(other.body().contains(secret));
    }
  }

  /** The secret as Pinboard clients get it ({@code user/secret}). */
  private String pinboardSecret(User user) {
    String token = users.tokenOf(user);
    return http.get("/v1/user/secret?format=json&auth_token=" + token, null)
        .json()
        .get("result")
        .asText();
  }

  private String feedUrl(String kind, String secret, String name) {
    return server.getURI().toString().replaceAll("/$", "")
        + "/feeds/"
        + kind
        + "/secret:"
        + secret
        + "/u:"
        + name;
  }

  private void save(
      User owner, String url, String title, String tags, boolean shared, boolean toread) {
    bookmarks.create(
        owner.id(),
        new BookmarkDraft(url, title, "", List.of(), TagList.parse(tags), shared, toread, DAY),
        false);
  }
}
