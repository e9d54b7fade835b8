package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.bookmark.UrlKey;
import cairn.follow.FollowService;
import cairn.support.FeedReader;
import cairn.support.Http;
import cairn.support.TestStore;
import cairn.support.WebClient.Page;
import cairn.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The social pages have feeds too, read by a feed parser nobody here wrote: a URL page's feed
 * carries everyone's shared saves of the URL, popular's its ranked URLs, and a network only the
 * private feed of its reader, keyed by their secret; nothing private reaches any of them.
 */
@MicronautTest(transactional = false)
class SocialFeedTest extends WebTest {
  private static final Instant NOW = Instant.now().minusSeconds(3600);

  @Inject FollowService follows;

  private FeedReader reader;
  private Account ann;
  private Account bob;
  private Account cat;
  private String url;
  private String bobsSpelling;
  private String privateUrl;

  @BeforeEach
  void data() throws Exception {
    if (ann != null) {
      return;
    }
    reader = FeedReader.start(server.getURI());
    ann = account("ann");
    bob = account("bob");
    cat = account("cat");
    String page = TestStore.uniqueName("page");
    url = "https://example.org/" + page;
    privateUrl = "https://example.org/private-" + page;
    save(ann.user(), url, "Ann's save", "shared .annonly", true, NOW);
    bobsSpelling = "https://EXAMPLE.org/" + page + "#top";
    save(bob.user(), bobsSpelling, "Bob's save", "shared", true, NOW);
    save(cat.user(), url, "Cat's private save", "secretive", false, NOW);
    save(bob.user(), privateUrl, "Bob's private", "hidden", false, NOW);
    follows.follow(ann.user().id(), bob.user());
  }

  @Test
  void aUrlPagesFeedCarriesEveryonesSharedSavesAndNoPrivateOne() throws Exception {
    String hash = UrlKey.of(url).hash();
    Page page = browser().get("/url:" + hash);
    String rss = page.doc().selectFirst("p.feeds a.feed.rss").attr("href");
    assertEquals("/feeds/rss/url:" + hash, rss);
    assertEquals(
        "/feeds/atom/url:" + hash,
        page.doc().selectFirst("head link[rel=alternate][type=application/atom+xml]").attr("href"));
    for (JsonNode feed : reader.read(rss, "/feeds/atom/url:" + hash)) {
      assertEquals(
          Set.of("Ann's save", "Bob's save"), Set.copyOf(FeedReader.values(feed, "title")));
      feed.get("items")
          .forEach(
              item ->
                  assertFalse(FeedReader.categories(item).contains(".annonly"), feed.toString()));
      assertFalse(feed.toString().contains("Cat's private"), feed.toString());
    }
    Http.Response unknown = http.get("/feeds/rss/url:" + UrlKey.of(privateUrl).hash(), null);
    assertEquals(404, unknown.status());
    assertEquals(400, http.get("/feeds/rss/url:nothex", null).status());
  }

  @Test
  void popularsFeedListsTheUrlsMostPeopleSharedAndNeverCountsPrivateSaves() throws Exception {
    Page page = browser().get("/popular?window=all");
    assertEquals(
        "/feeds/rss/popular?window=all", page.doc().selectFirst("p.feeds a.feed.rss").attr("href"));
    JsonNode feed = reader.read("/feeds/rss/popular?window=all&count=400");
    List<String> links = FeedReader.values(feed, "link");
    assertTrue(
        links.stream().anyMatch(l -> UrlKey.of(l).hash().equals(UrlKey.of(url).hash())),
        links.toString());
    assertFalse(links.contains(privateUrl), links.toString());
    Http.Response bad = http.get("/feeds/atom/popular?window=fortnight", null);
    assertEquals(400, bad.status());
    assertTrue(bad.body().contains("window"), bad.body());
  }

  @Test
  void theNetworkHasOnlyAPrivateFeedWithTheSharedSavesOfThePeopleFollowed() throws Exception {
    Page network = ann.browser().get("/network");
    assertNull(network.doc().selectFirst("p.feeds a.feed:not(.private)"));
    String rss = network.doc().selectFirst("p.feeds a.feed.private.rss").attr("href");
    assertTrue(rss.startsWith("/feeds/rss/secret:"), rss);
    assertTrue(rss.endsWith("/u:" + ann.name() + "/network"), rss);
    String secret = rss.substring("/feeds/rss/secret:".length(), rss.indexOf("/u:"));
    assertFalse(network.doc().select("head").outerHtml().contains(secret));

    JsonNode feed = reader.read(rss);
    // the people followed: Bob's shared save, not his private one, nor Ann's own save
    assertEquals(List.of("Bob's save"), FeedReader.values(feed, "title"));
    assertEquals(
        UrlKey.of(bobsSpelling).hash(), UrlKey.of(FeedReader.values(feed, "link").get(0)).hash());
    JsonNode narrowed = reader.read(rss + "/t:hidden");
    assertEquals(0, narrowed.get("items").size(), narrowed.toString());

    String other = rss.replace("/u:" + ann.name(), "/u:" + bob.name());
    assertEquals(404, http.get(other, null).status());
    assertEquals(404, http.get("/feeds/rss/network", null).status());
    String wrong = (secret.charAt(0) == '0' ? "1" : "0") + secret.substring(1);
    assertEquals(404, http.get(rss.replace(secret, wrong), null).status());
  }
}
