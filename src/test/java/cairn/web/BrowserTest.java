package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.Chromium;
import cairn.support.InBrowser;
import cairn.support.Shelf;
import cairn.support.TestSite;
import cairn.support.TestStore;
import cairn.support.WebTest;
import cairn.user.User;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Cairn in Debian's headless Chromium: signing up, the bookmarklets on another site's page (log-in
 * inside the popup, selections of every size), and walking the tag pages by clicking.
 */
@MicronautTest(transactional = false)
class BrowserTest extends WebTest {
  private static final String TITLE = "Über Steinmänner — ケルン ⛰";
  private static final String PASSAGE =
      "Ein Steinmann markiert den Weg über den Grat: „folge den Steinen“, sagt die Karte.";

  private Chromium chromium;
  private ChromeDriver driver;
  private TestSite site;
  private InBrowser browser;
  private User reader;

  @BeforeAll
  void start() {
    chromium = Chromium.start();
    driver = chromium.driver();
    site = TestSite.start();
  }

  @AfterAll
  void stop() {
    try (Chromium c = chromium;
        TestSite s = site) {
      // closes both, even if one fails
    }
  }

  @BeforeEach
  void stranger() {
    if (browser == null) {
      browser = new InBrowser(chromium, server.getURI());
    }
    browser.reset();
    chromium.policyViolations();
  }

  /** Every page a test walked through satisfies Cairn's Content-Security-Policy. */
  @AfterEach
  void nothingRefusedByThePolicy() {
    assertEquals(List.of(), chromium.policyViolations());
  }

  @Test
  void thePolicyRefusesAnInlineScriptOnCairnsPagesAndTheTestsSeeIt() {
    browser.open("/login");
    driver.executeScript(
        "var s=document.createElement('script');s.textContent=\"document.title='ran'\";"
            + "document.head.appendChild(s);");
    List<String> refused =
        chromium
            .waiting()
            .until(
                d -> {
                  List<String> seen = chromium.policyViolations();
                  return seen.isEmpty() ? null : seen;
                });
    assertTrue(refused.get(0).contains("script-src 'self'"), refused.toString());
    assertTrue(driver.getTitle().startsWith("log in"), driver.getTitle());
  }

  @Test
  void signingUpSignsInAndShowsTheNewUsersEmptyPage() {
    String name = browser.signUp(TestStore.uniqueName("sam"), PASSWORD);
    assertEquals(name, driver.findElement(By.cssSelector("h1.heading a.owner")).getText());
    assertEquals("0", browser.total());
    assertFalse(driver.findElements(By.cssSelector("header form[action='/logout']")).isEmpty());
  }

  @Test
  void theBookmarkletLogsInInItsPopupAndSavesTheSelectionAsAQuote() {
    String name = browser.signUp(TestStore.uniqueName("pat"), PASSWORD);
    String bookmarklet = browser.bookmarklets().save();
    browser.logOut();
    String page =
        site.page(
            "/steinmann",
            TITLE,
            "<h1>Steinmänner</h1><p>Vorher.</p><p id=passage>" + PASSAGE + "</p><p>Nachher.</p>");
    driver.get(page);
    assertEquals(PASSAGE, browser.select("passage"));

    browser.run(bookmarklet);
    String main = browser.switchToPopup();
    browser.fillLogIn(name, PASSWORD);
    browser.waitFor("body.popup form#bookmark");
    assertEquals(PASSAGE, browser.value("textarea[name=quote0]"));
    assertEquals(page, browser.value("input[name=url]"));
    assertEquals(TITLE, browser.value("input[name=title]"));
    driver.findElement(By.name("tags")).sendKeys("wandern steinmann");
    driver.findElement(By.cssSelector("form#bookmark button.save")).click();
    browser.awaitPopupClosed(main);

    browser.open("/u:" + name);
    List<WebElement> rows = browser.rows();
    assertEquals(1, rows.size());
    WebElement row = rows.get(0);
    WebElement link = row.findElement(By.cssSelector("h2.title a"));
    assertEquals(TITLE, link.getText());
    assertEquals(page, link.getDomAttribute("href"));
    assertEquals(PASSAGE, row.findElement(By.cssSelector("blockquote.quote")).getText());
    assertEquals(
        List.of("wandern", "steinmann"),
        row.findElements(By.cssSelector(".tags a.tag")).stream().map(WebElement::getText).toList());
  }

  @Test
  void aSelectionTooLongForAUrlIsPostedAndArrivesInFullThroughTheLogIn() {
    String name = browser.signUp(TestStore.uniqueName("lou"), PASSWORD);
    String bookmarklet = browser.bookmarklets().save();
    browser.logOut();
    String text = TestSite.words(7_000);
    driver.get(site.page("/long", TITLE, "<p id=long>" + text + "</p>"));
    assertEquals(text, browser.select("long"));

    browser.run(bookmarklet);
    browser.switchToPopup();
    browser.fillLogIn(name, PASSWORD);
    browser.waitFor("form#bookmark");
    assertEquals(text, browser.value("textarea[name=quote0]"));
    assertEquals(TITLE, browser.value("input[name=title]"));
    assertTrue(browser.value("input[name=url]").endsWith("/long"));
  }

  @Test
  void aSelectionOver64KiBComesBackWithTheRuleAndNothingLost() {
    String name = browser.signUp(TestStore.uniqueName("max"), PASSWORD);
    String bookmarklet = browser.bookmarklets().save();
    String text = TestSite.words(70_000);
    driver.get(site.page("/huge", TITLE, "<p id=huge>" + text + "</p>"));
    browser.select("huge");

    browser.run(bookmarklet);
    String main = browser.switchToPopup();
    browser.waitFor("form#bookmark");
    assertEquals(text, browser.value("textarea[name=quote0]"));
    driver.findElement(By.name("tags")).sendKeys("huge");
    driver.findElement(By.cssSelector("form#bookmark button.save")).click();

    WebElement error = browser.waitFor("p.errors");
    assertTrue(error.getText().contains("quote 1:"), error.getText());
    assertTrue(error.getText().contains("64 KiB"), error.getText());
    WebElement box = driver.findElement(By.name("quote0"));
    assertFalse(
        box.findElement(By.xpath("..")).findElements(By.cssSelector(".field-error")).isEmpty());
    assertEquals(text, box.getDomProperty("value"));
    assertEquals(TITLE, browser.value("input[name=title]"));
    assertEquals("huge", browser.value("input[name=tags]"));
    driver.close();
    driver.switchTo().window(main);
    browser.open("/u:" + name);
    assertEquals("0", browser.total());
  }

  @Test
  void theReadLaterBookmarkletSavesAtOnceAsUnreadWithoutSigningIn() {
    String name = browser.signUp(TestStore.uniqueName("rae"), PASSWORD);
    String bookmarklet = browser.bookmarklets().readLater();
    browser.logOut();
    String page = site.page("/spaeter", "Später lesen — 長い記事", "<p>Viel Text.</p>");
    driver.get(page);

    browser.run(bookmarklet);
    String main = browser.switchToPopup();
    browser.awaitPopupClosed(main);

    browser.logIn(name, PASSWORD);
    browser.open("/u:" + name + "?unread=yes");
    assertEquals(List.of("Später lesen — 長い記事"), browser.rowTitles());
    assertFalse(browser.rows().get(0).findElements(By.cssSelector(".badge.unread")).isEmpty());
  }

  @Test
  void clickingTwoRelatedTagsNarrowsAndTheRemoveLinksWidenAgain() {
    String name = seeded();
    browser.open("/u:" + name);
    assertEquals("45", browser.total());
    browser.follow(browser.relatedTag("java"), "/u:" + name + "/t:java");
    assertEquals(List.of("java"), browser.headerTags());
    assertEquals("15", browser.total());

    browser.follow(browser.relatedTag("performance"), "/u:" + name + "/t:java/t:performance");
    assertEquals(List.of("java", "performance"), browser.headerTags());
    assertEquals(List.of(Shelf.title(0), Shelf.title(15), Shelf.title(30)), browser.rowTitles());

    WebElement java =
        driver.findElements(By.cssSelector("h1.heading .filter-tag")).stream()
            .filter(t -> t.findElement(By.cssSelector(".name")).getText().equals("java"))
            .findFirst()
            .orElseThrow();
    browser.follow(java.findElement(By.cssSelector("a.remove")), "/u:" + name + "/t:performance");
    assertEquals(List.of("performance"), browser.headerTags());
    assertEquals("9", browser.total());

    browser.follow(
        driver.findElement(By.cssSelector("aside.related li.in-filter a.remove")), "/u:" + name);
    assertEquals(List.of(), browser.headerTags());
    assertEquals("45", browser.total());
  }

  @Test
  void perPageSwitchesTheNumberOfRows() {
    String name = seeded();
    browser.open("/u:" + name);
    assertEquals(20, browser.rows().size());
    browser.follow(driver.findElement(By.xpath("//*[contains(@class,'per-page')]/a[.='40']")));
    assertEquals(Shelf.titles(0, 40), browser.rowTitles());
    assertEquals("40", driver.findElement(By.cssSelector(".per-page strong.current")).getText());
  }

  @Test
  void earlierAndLaterWalkThroughThePages() {
    String name = seeded();
    browser.open("/u:" + name);
    assertEquals(Shelf.titles(0, 20), browser.rowTitles());
    assertTrue(driver.findElements(By.cssSelector("a.later")).isEmpty());

    browser.follow(driver.findElement(By.cssSelector("a.earlier")));
    assertEquals(Shelf.titles(20, 40), browser.rowTitles());
    browser.follow(driver.findElement(By.cssSelector("a.earlier")));
    assertEquals(Shelf.titles(40, 45), browser.rowTitles());
    assertTrue(driver.findElements(By.cssSelector("a.earlier")).isEmpty());

    browser.follow(driver.findElement(By.cssSelector("a.later")));
    assertEquals(Shelf.titles(20, 40), browser.rowTitles());
    browser.follow(driver.findElement(By.cssSelector("a.later")));
    assertEquals(Shelf.titles(0, 20), browser.rowTitles());
  }

  @Test
  void screenshotsOfTheTagPageAndTheCloudForPeopleToLookAt() {
    String name = seeded();
    Path shots = Path.of("target", "screenshots");
    browser.open("/u:" + name + "/t:java");
    chromium.screenshot(shots.resolve("tag-page.png"));
    browser.open("/u:" + name + "/tags");
    chromium.screenshot(shots.resolve("tag-cloud.png"));
    driver.manage().window().setSize(new Dimension(390, 844));
    try {
      browser.open("/u:" + name + "/t:java");
      chromium.screenshot(shots.resolve("tag-page-phone.png"));
    } finally {
      driver.manage().window().setSize(new Dimension(1280, 1000));
    }
  }

  /** The {@link Shelf}'s first 45 bookmarks for one user, and the browser signed in as them. */
  private String seeded() {
    if (reader == null) {
      reader = users.create(TestStore.uniqueName("kim"), PASSWORD).user();
      Instant now = Instant.now();
      for (int i = 0; i < 45; i++) {
        bookmarks.create(reader.id(), Shelf.bookmark(i, now), false);
      }
    }
    browser.logIn(reader.name(), PASSWORD);
    return reader.name();
  }
}
