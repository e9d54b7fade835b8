package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.Chromium;
import cairn.support.FeedReader;
import cairn.support.InBrowser;
import cairn.support.TestStore;
import cairn.support.WebTest;
import cairn.user.User;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Subscribing to feeds as a person does, in Debian's headless Chromium: find the feed link on a
 * listing page (or the private one in settings), and hand its address to a feed reader — here the
 * npm parser {@code feedparser}, which must find there what the page shows.
 */
@MicronautTest(transactional = false)
class FeedBrowserTest extends WebTest {
  private static final Instant DAY = Instant.parse("2024-03-01T10:00:00Z");

  private Chromium chromium;
  private ChromeDriver driver;
  private InBrowser browser;
  private FeedReader reader;

  @BeforeAll
  void start() {
    chromium = Chromium.start();
    driver = chromium.driver();
  }

  @AfterAll
  void stop() {
    chromium.close();
  }

  @BeforeEach
  void stranger() throws Exception {
    if (browser == null) {
      browser = new InBrowser(chromium, server.getURI());
      reader = FeedReader.start(server.getURI());
    }
    browser.reset();
    chromium.policyViolations();
  }

  @AfterEach
  void nothingRefusedByThePolicy() {
    assertEquals(List.of(), chromium.policyViolations());
  }

  @Test
  void aVisitorSubscribesToATagPagesFeedAndTheReaderFindsWhatThePageShows() throws Exception {
    User owner = users.create(TestStore.uniqueName("hiker"), PASSWORD).user();
    String tag = TestStore.uniqueName("cairns");
    save(owner, "https://example.org/trail", "Trail markers", tag + " hiking", true, DAY);
    save(owner, "https://example.org/summit", "Summit cairn", tag, true, DAY.plusSeconds(60));
    save(owner, "https://example.org/diary", "My private diary", tag, false, DAY.plusSeconds(120));

    browser.open("/u:" + owner.name() + "/t:" + tag);
    List<String> shown =
        driver.findElements(By.cssSelector("article.bookmark h2.title a")).stream()
            .map(a -> a.getDomAttribute("href"))
            .toList();
    assertEquals(List.of("https://example.org/summit", "https://example.org/trail"), shown);
    WebElement visible = driver.findElement(By.cssSelector("p.feeds a.feed.rss"));
    assertTrue(visible.isDisplayed());
    String rss = visible.getDomProperty("href");
    String atom =
        driver
            .findElement(By.cssSelector("head link[rel=alternate][type='application/atom+xml']"))
            .getDomProperty("href");

    for (JsonNode feed : reader.read(rss, atom)) {
      assertEquals(shown, FeedReader.values(feed, "link"), feed.get("url").asText());
      assertEquals(List.of("Summit cairn", "Trail markers"), FeedReader.values(feed, "title"));
      assertEquals(List.of(tag, "hiking"), FeedReader.categories(feed.get("items").get(1)));
      assertEquals(owner.name() + " + " + tag + " · Cairn", feed.at("/meta/title").asText());
    }
  }

  @Test
  void theOwnerSubscribesToTheirPrivateFeedFromSettings() throws Exception {
    String name = browser.signUp(TestStore.uniqueName("owner"), PASSWORD);
    User owner = users.getByName(name);
    save(owner, "https://example.org/secret-plan", "Secret plan", ".mine plans", false, DAY);
    save(owner, "https://example.org/open-plan", "Open plan", "plans", true, DAY.plusSeconds(1));

    browser.open("/settings");
    WebElement link = driver.findElement(By.cssSelector("#feeds a.feed.private.atom"));
    driver.executeScript("arguments[0].scrollIntoView()", link);
    chromium.screenshot(Path.of("target", "screenshots", "settings-private-feeds.png"));
    JsonNode own = reader.read(link.getDomProperty("href"));
    assertEquals(
        List.of("https://example.org/open-plan", "https://example.org/secret-plan"),
        FeedReader.values(own, "link"));
    assertEquals(List.of(".mine", "plans"), FeedReader.categories(own.get("items").get(1)));

    browser.open("/u:" + name);
    String publicFeed =
        driver
            .findElement(By.cssSelector("p.feeds a.feed.rss:not(.private)"))
            .getDomProperty("href");
    JsonNode everyone = reader.read(publicFeed);
    assertEquals(List.of("https://example.org/open-plan"), FeedReader.values(everyone, "link"));
    assertFalse(everyone.toString().contains(".mine"));
  }
}
