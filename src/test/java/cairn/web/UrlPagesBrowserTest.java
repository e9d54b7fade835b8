package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.bookmark.BookmarkDraft;
import cairn.bookmark.UrlKey;
import cairn.support.Chromium;
import cairn.support.InBrowser;
import cairn.support.TestStore;
import cairn.support.WebTest;
import cairn.tag.TagList;
import cairn.user.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * The social pages in Debian's headless Chromium: from a row to its URL page, copying a save from
 * there into one's own bookmarks, and screenshots of a URL page and of popular.
 */
@MicronautTest(transactional = false)
class UrlPagesBrowserTest extends WebTest {
  private static final String LOG_URL =
      "https://engineering.linkedin.com/distributed-systems/log-what-every-software-engineer-should-know-about-real-time-datas-unifying";

  private Chromium chromium;
  private ChromeDriver driver;
  private InBrowser browser;
  private final List<User> people = new ArrayList<>();
  private final Instant now = Instant.now();

  @BeforeAll
  void start() {
    chromium = Chromium.start();
    driver = chromium.driver();
  }

  /** Five people who saved overlapping links (made once: the server is injected after start). */
  private void seed() {
    String[] names = {"jay", "martin", "ana", "lee", "sam"};
    for (String name : names) {
      people.add(users.create(TestStore.uniqueName(name), PASSWORD).user());
    }
    share(
        0,
        LOG_URL,
        "The Log: What every software engineer should know about real-time data",
        "The best introduction to logs as the heart of data systems.",
        List.of("The log is the simplest possible storage abstraction."),
        "distcomp logs kafka",
        30);
    share(
        1, LOG_URL + "#intro", "The Log (Jay Kreps)", "", List.of(), "distcomp streaming logs", 20);
    share(
        2,
        LOG_URL,
        "Kreps on logs",
        "Read with Kleppmann's book.",
        List.of(),
        "databases logs reading",
        6);
    share(
        0,
        "https://martin.kleppmann.com/2015/05/27/logs-for-data-infrastructure.html",
        "Using logs to build a solid data infrastructure",
        "",
        List.of(),
        "logs databases",
        50);
    share(
        1,
        "https://martin.kleppmann.com/2015/05/27/logs-for-data-infrastructure.html",
        "Logs for data infrastructure",
        "",
        List.of(),
        "streaming",
        40);
    share(3, "https://sqlite.org/wal.html", "Write-Ahead Logging", "", List.of(), "sqlite", 70);
    share(4, "https://sqlite.org/wal.html", "SQLite WAL mode", "", List.of(), "sqlite wal", 65);
    share(2, "https://sqlite.org/wal.html", "WAL", "", List.of(), "databases", 60);
    share(3, "https://lucene.apache.org/core/", "Apache Lucene", "", List.of(), "search", 90);
    share(4, "https://lucene.apache.org/core/", "Lucene core", "", List.of(), "search java", 80);
  }

  private void share(
      int who,
      String url,
      String title,
      String notes,
      List<String> quotes,
      String tags,
      int hoursAgo) {
    bookmarks.create(
        people.get(who).id(),
        new BookmarkDraft(
            url,
            title,
            notes,
            quotes,
            TagList.parse(tags),
            true,
            false,
            now.minus(Duration.ofHours(hoursAgo))),
        false);
  }

  @AfterAll
  void stop() {
    chromium.close();
  }

  @BeforeEach
  void stranger() {
    if (browser == null) {
      browser = new InBrowser(chromium, server.getURI());
      seed();
    }
    browser.reset();
    chromium.policyViolations();
  }

  @AfterEach
  void nothingRefusedByThePolicy() {
    assertEquals(List.of(), chromium.policyViolations());
  }

  @Test
  void aRowLeadsToItsUrlPageWhereTheReaderCopiesItToTheirOwn() {
    User reader = users.create(TestStore.uniqueName("reader"), PASSWORD).user();
    browser.logIn(reader.name(), PASSWORD);
    browser.open("/u:" + people.get(2).name());
    WebElement savedBy = driver.findElement(By.cssSelector("article.bookmark a.url-page.saved-by"));
    assertEquals("saved by 2 others", savedBy.getText());
    String urlPage = "/url:" + UrlKey.of(LOG_URL).hash();
    browser.follow(savedBy, urlPage);
    assertEquals(
        List.of(
            "Kreps on logs",
            "The Log (Jay Kreps)",
            "The Log: What every software engineer should know about real-time data"),
        browser.rowTitles());
    assertEquals(
        "saved by 3 people", driver.findElement(By.cssSelector(".url-summary .count")).getText());

    browser.follow(driver.findElement(By.cssSelector(".url-summary a.copy")));
    assertEquals("Kreps on logs", browser.value("input[name=title]"));
    assertTrue(browser.value("input[name=tags]").contains("logs"));
    driver.findElement(By.cssSelector("#bookmark button.save")).click();
    chromium.waiting().until(d -> d.getCurrentUrl().contains("/u:" + reader.name()));

    browser.open(urlPage);
    WebElement edit = browser.waitFor("a.edit-yours");
    assertTrue(edit.getDomAttribute("href").endsWith("/edit"));
    String count = driver.findElement(By.cssSelector(".url-summary .count")).getText();
    // the copy is private or shared as the reader's settings say; shared it counts
    assertTrue(count.equals("saved by 3 people") || count.equals("saved by 4 people"), count);
  }

  @Test
  void screenshotsOfAUrlPageAndOfPopularForPeopleToLookAt() {
    Path shots = Path.of("target", "screenshots");
    browser.open("/url:" + UrlKey.of(LOG_URL).hash());
    browser.waitFor(".url-summary");
    chromium.screenshot(shots.resolve("url-page.png"));
    browser.open("/popular");
    assertEquals(4, driver.findElements(By.cssSelector("li.popular-url")).size());
    chromium.screenshot(shots.resolve("popular.png"));
  }
}
