package cairn.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both paths are given, so
 * Selenium Manager never looks for (or downloads) a browser; each instance has a fresh profile.
 */
public final class Chromium implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  // Selenium warns that it has no CDP bindings for this Chromium version; the tests use none.
  private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

  private final ChromeDriver driver;
  private final Path profile;

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  public static Chromium start() {
    for (Path required : new Path[] {BINARY, DRIVER}) {
      if (!Files.isExecutable(required)) {
        throw new IllegalStateException(
            required
                + " is missing: the browser tests use Debian's Chromium;"
                + " run .ci/run or apt-get install chromium chromium-driver");
      }
    }
    SELENIUM.setLevel(Level.SEVERE);
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
    Path profile;
    try {
      profile = Files.createTempDirectory("cairn-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-popup-blocking",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    // the console, so that tests can see what the Content-Security-Policy refused
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new Chromium(new ChromeDriver(service, options), profile);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * The console messages, of every window, in which the browser says it refused something under a
   * Content-Security-Policy, since the last call. Reading the log empties it.
   */
  public List<String> policyViolations() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy"))
        .toList();
  }

  /** Waits for a condition, checking often: pages here take milliseconds, not seconds. */
  public WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.pollingEvery(Duration.ofMillis(25));
    return wait;
  }

  /** Saves what the window shows as a PNG. */
  public Path screenshot(Path target) {
    File shot = driver.getScreenshotAs(OutputType.FILE);
    try {
      Files.createDirectories(target.getParent());
      Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.delete(shot.toPath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException e) {
        // a profile left in /tmp is harmless
      }
    }
  }
}
