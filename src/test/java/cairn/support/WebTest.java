package cairn.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cairn.bookmark.BookmarkDraft;
import cairn.bookmark.BookmarkService;
import cairn.tag.TagList;
import cairn.user.User;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The base of page tests: a server per class, browsers with their own cookies, and test data. */
public abstract class WebTest extends ApiTest {
  protected static final String PASSWORD = "correct horse battery";

  @Inject protected BookmarkService bookmarks;

  /** A browser that is not signed in. */
  protected WebClient browser() {
    return new WebClient(server.getURI());
  }

  /** A new user, and a browser signed in as them through the log-in form. */
  protected Account account(String prefix) {
    User user = users.create(TestStore.uniqueName(prefix), PASSWORD).user();
    WebClient browser = browser();
    WebClient.Page form = browser.get("/login");
    WebClient.Page done =
        browser.submit(form, "form#login", Map.of("name", user.name(), "password", PASSWORD));
    assertEquals(303, done.status(), done.toString());
    return new Account(user, browser);
  }

  public record Account(User user, WebClient browser) {
    public String name() {
      return user.name();
    }
  }

  protected long save(
      User owner, String url, String title, String tags, boolean shared, Instant created) {
    return bookmarks
        .create(
            owner.id(),
            new BookmarkDraft(
                url, title, "", List.of(), TagList.parse(tags), shared, false, created),
            false)
        .bookmark()
        .id();
  }
}
