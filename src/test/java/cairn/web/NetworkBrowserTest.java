package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.Chromium;
import cairn.support.InBrowser;
import cairn.support.TestStore;
import cairn.support.WebTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The network in Debian's headless Chromium: one person follows another from their page, the other
 * saves a shared and a private bookmark with the form, and only the shared one reaches the first
 * person's {@code /network}.
 */
@MicronautTest(transactional = false)
class NetworkBrowserTest extends WebTest {
  private Chromium chromium;
  private ChromeDriver driver;
  private InBrowser browser;

  @BeforeAll
  void start() {
    chromium = Chromium.start();
    driver = chromium.driver();
  }

  @AfterAll
  void stop() {
    chromium.close();
  }

  /** Every page the test walked through satisfies Cairn's Content-Security-Policy. */
  @AfterEach
  void nothingRefusedByThePolicy() {
    assertEquals(List.of(), chromium.policyViolations());
  }

  @Test
  void someoneFollowedFromTheirPageShowsTheirSharedSavesOnTheNetworkButNotTheirPrivateOnes() {
    browser = new InBrowser(chromium, server.getURI());
    browser.reset();
    String uma = browser.signUp(TestStore.uniqueName("uma"), PASSWORD);
    browser.logOut();
    String ned = browser.signUp(TestStore.uniqueName("ned"), PASSWORD);

    browser.open("/u:" + uma);
    WebElement follow = driver.findElement(By.cssSelector("form.follow button"));
    assertEquals("follow " + uma, follow.getText());
    browser.follow(follow, "/u:" + uma);
    assertEquals(
        "unfollow " + uma, driver.findElement(By.cssSelector("form.follow button")).getText());
    assertEquals("1", driver.findElement(By.cssSelector(".profile a.followers .count")).getText());

    browser.follow(driver.findElement(By.cssSelector("header a.network")), "/network");
    assertEquals("0", browser.total());
    browser.logOut();

    browser.logIn(uma, PASSWORD);
    save("https://example.org/cairns", "Cairns of the Highlands", "hiking scotland", true);
    save("https://example.org/diary", "My secret diary", "hiking .mine", false);
    browser.logOut();

    browser.logIn(ned, PASSWORD);
    browser.follow(driver.findElement(By.cssSelector("header a.network")), "/network");
    assertEquals(List.of("Cairns of the Highlands"), browser.rowTitles());
    assertEquals("1", browser.total());
    assertEquals(uma, browser.rows().get(0).findElement(By.cssSelector("a.by")).getText());
    browser.follow(browser.relatedTag("scotland"), "/network/t:scotland");
    assertEquals(List.of("Cairns of the Highlands"), browser.rowTitles());
    List<String> related =
        driver.findElements(By.cssSelector("aside.related a.tag")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(List.of("hiking", "scotland"), related);
    Path shots = Path.of("target", "screenshots");
    chromium.screenshot(shots.resolve("network.png"));
    browser.open("/u:" + ned + "/following");
    assertEquals(uma, driver.findElement(By.cssSelector("li.person a.name")).getText());
    assertEquals("1", driver.findElement(By.cssSelector("li.person .bookmarks")).getText());
    assertTrue(driver.getTitle().startsWith(ned), driver.getTitle());
  }

  /** Saves a bookmark with the web form; private unless {@code shared}. */
  private void save(String url, String title, String tags, boolean shared) {
    browser.open("/add");
    WebElement form = browser.waitFor("form#bookmark");
    form.findElement(By.name("url")).sendKeys(url);
    form.findElement(By.name("title")).sendKeys(title);
    form.findElement(By.name("tags")).sendKeys(tags);
    WebElement isPrivate = form.findElement(By.name("private"));
    if (isPrivate.isSelected() == shared) {
      isPrivate.click();
    }
    WebElement page = driver.findElement(By.tagName("html"));
    form.findElement(By.cssSelector("button.save")).click();
    browser.waitUntilReplaced(page);
  }
}
