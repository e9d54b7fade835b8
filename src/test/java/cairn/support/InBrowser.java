package cairn.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** What a person does with Cairn in a real browser: the steps the browser tests share. */
public final class InBrowser {
  private final Chromium chromium;
  private final ChromeDriver driver;
  private final String base;
  private final String mainWindow;

  public InBrowser(Chromium chromium, URI server) {
    this.chromium = chromium;
    this.driver = chromium.driver();
    this.base = server.toString().replaceAll("/$", "");
    this.mainWindow = driver.getWindowHandle();
  }

  /** The two bookmarklets as the settings page gives them ({@code javascript:} URLs). */
  public record Bookmarklets(String save, String readLater) {}

  public String url(String path) {
    return base + path;
  }

  public void open(String path) {
    driver.get(url(path));
  }

  /** Back to one window, on Cairn, with no cookies: each test starts as a stranger. */
  public void reset() {
    for (String handle : driver.getWindowHandles()) {
      if (!handle.equals(mainWindow)) {
        driver.switchTo().window(handle).close();
      }
    }
    driver.switchTo().window(mainWindow);
    open("/recent");
    driver.manage().deleteAllCookies();
  }

  public String signUp(String name, String password) {
    open("/signup");
    WebElement form = driver.findElement(By.id("signup"));
    form.findElement(By.name("name")).sendKeys(name);
    form.findElement(By.name("password")).sendKeys(password);
    form.findElement(By.name("password2")).sendKeys(password);
    form.findElement(By.cssSelector("button[type=submit]")).click();
    chromium.waiting().until(ExpectedConditions.urlContains("/u:" + name));
    return name;
  }

  public void logIn(String name, String password) {
    open("/login");
    fillLogIn(name, password);
    chromium.waiting().until(ExpectedConditions.urlToBe(url("/u:" + name)));
  }

  /** Fills and sends the log-in form of the current page. */
  public void fillLogIn(String name, String password) {
    WebElement form = chromium.waiting().until(d -> d.findElement(By.id("login")));
    form.findElement(By.name("name")).sendKeys(name);
    form.findElement(By.name("password")).sendKeys(password);
    form.findElement(By.cssSelector("button[type=submit]")).click();
  }

  /** Logs out with the header's button. */
  public void logOut() {
    driver.findElement(By.cssSelector("header form[action='/logout'] button")).click();
    chromium.waiting().until(ExpectedConditions.urlToBe(url("/recent")));
    assertTrue(driver.findElements(By.cssSelector("header form[action='/logout']")).isEmpty());
  }

  public Bookmarklets bookmarklets() {
    open("/settings");
    return new Bookmarklets(
        driver.findElement(By.cssSelector("a.bookmarklet.save")).getDomAttribute("href"),
        driver.findElement(By.cssSelector("a.bookmarklet.later")).getDomAttribute("href"));
  }

  /** Selects the whole text of the element with this id, as a reader dragging over it would. */
  public String select(String id) {
    return (String)
        driver.executeScript(
            "var r=document.createRange();r.selectNodeContents(document.getElementById(arguments[0]));"
                + "var s=window.getSelection();s.removeAllRanges();s.addRange(r);return s.toString();",
            id);
  }

  /**
   * Runs a bookmarklet on the current page the way the browser runs a {@code javascript:} URL:
   * percent-decoded (a '+' stays a '+'), then executed in the page.
   */
  public void run(String bookmarklet) {
    assertTrue(bookmarklet.startsWith("javascript:"), bookmarklet);
    String code = bookmarklet.substring("javascript:".length());
    if (code.contains("%")) {
      code = URLDecoder.decode(code.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
    driver.executeScript(code);
  }

  /** Switches to the popup a bookmarklet just opened; returns the window to come back to. */
  public String switchToPopup() {
    String main = driver.getWindowHandle();
    chromium.waiting().until(ExpectedConditions.numberOfWindowsToBe(2));
    Set<String> handles = driver.getWindowHandles();
    String popup = handles.stream().filter(h -> !h.equals(main)).findFirst().orElseThrow();
    driver.switchTo().window(popup);
    return main;
  }

  /** Waits for the popup to close itself, then goes back to the page it came from. */
  public void awaitPopupClosed(String main) {
    chromium.waiting().until(ExpectedConditions.numberOfWindowsToBe(1));
    driver.switchTo().window(main);
  }

  public WebElement waitFor(String css) {
    var present = ExpectedConditions.presenceOfElementLocated(By.cssSelector(css));
    return chromium
        .waiting()
        .until(
            d -> {
              try {
                return present.apply(d);
              } catch (WebDriverException e) {
                // the window is between two documents (a POST answered by a redirect, as the
                // bookmarklet's hand-over of a long selection is): look again
                if (String.valueOf(e.getMessage()).contains("no such execution context")) {
                  return null;
                }
                throw e;
              }
            });
  }

  public String value(String css) {
    return driver.findElement(By.cssSelector(css)).getDomProperty("value");
  }

  public List<WebElement> rows() {
    return driver.findElements(By.cssSelector("article.bookmark"));
  }

  public List<String> rowTitles() {
    return rows().stream().map(r -> r.findElement(By.cssSelector("h2.title")).getText()).toList();
  }

  /** The tags in the listing's header ("NAME + A + B"). */
  public List<String> headerTags() {
    return driver.findElements(By.cssSelector("h1.heading .filter-tag .name")).stream()
        .map(WebElement::getText)
        .toList();
  }

  public String total() {
    return driver.findElement(By.cssSelector("h1.heading .total")).getText();
  }

  /** Clicks a link, waits for the page it leads to, and checks where that is. */
  public void follow(WebElement link, String expectedPath) {
    follow(link);
    assertEquals(url(expectedPath), driver.getCurrentUrl());
  }

  /** Clicks a link and waits until the next page has replaced this one. */
  public void follow(WebElement link) {
    WebElement page = driver.findElement(By.tagName("html"));
    link.click();
    waitUntilReplaced(page);
    waitFor("main");
  }

  /**
   * Waits until {@code page} (the old page's root) is gone. Chromium can answer a question about it
   * mid-navigation with "Node with given id does not belong to the document" instead of Selenium's
   * stale-element error: that also means the old document is gone.
   */
  public void waitUntilReplaced(WebElement page) {
    chromium
        .waiting()
        .until(
            d -> {
              try {
                page.isEnabled();
                return false;
              } catch (StaleElementReferenceException gone) {
                return true;
              } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                  return true;
                }
                throw e;
              }
            });
  }

  /** A tag in the related-tags box, by name. */
  public WebElement relatedTag(String name) {
    return driver.findElements(By.cssSelector("aside.related li a.tag")).stream()
        .filter(a -> a.getText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no related tag " + name));
  }
}
