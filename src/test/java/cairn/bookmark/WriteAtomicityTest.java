package cairn.bookmark;

import static cairn.support.Drafts.draft;
import static cairn.support.Drafts.withQuotes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cairn.support.Sql;
import cairn.support.TestStore;
import cairn.support.TestStore.Counts;
import cairn.tag.TagList;
import cairn.user.UserService;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A write that fails halfway leaves nothing behind. The failures are real store failures: SQLite
 * triggers that abort one statement deep inside each write, after others have already run.
 */
@MicronautTest(transactional = false, startApplication = false)
class WriteAtomicityTest implements TestPropertyProvider {
  @Inject BookmarkService bookmarks;
  @Inject BookmarkQueries queries;
  @Inject UserService users;
  @Inject Sql sql;

  long user;

  @Override
  public Map<String, String> getProperties() {
    return TestStore.properties();
  }

  @BeforeEach
  void user() {
    user = users.create(TestStore.uniqueName("atom"), "password-x").user().id();
  }

  @AfterEach
  void dropTriggers() {
    for (String name : List.of("fail_quote", "fail_tag_link", "fail_journal")) {
      sql.run(db -> db.execute("DROP TRIGGER IF EXISTS " + name));
    }
  }

  @Test
  void createThatFailsAtItsSecondQuoteWritesNothing() {
    bookmarks.create(user, draft("https://example.com/before", "kept"), false);
    failWhen("fail_quote", "BEFORE INSERT ON quotes WHEN NEW.text = 'boom'");
    Counts before = Counts.of(sql);
    failsAtTheTrigger(
        () ->
            bookmarks.create(
                user,
                withQuotes("https://example.com/new", "fresh tags", List.of("fine", "boom")),
                false));
    assertEquals(before, Counts.of(sql));
  }

  @Test
  void updateThatFailsAtItsTagsKeepsTheOldBookmark() {
    Bookmark b =
        bookmarks
            .create(user, withQuotes("https://example.com/u", "old", List.of("q")), false)
            .bookmark();
    failWhen("fail_tag_link", "BEFORE INSERT ON bookmark_tags");
    Counts before = Counts.of(sql);
    var patch =
        new BookmarkPatch(
            "https://example.com/moved",
            "new title",
            "new notes",
            List.of("new quote"),
            TagList.parse("new"),
            true,
            true,
            null);
    failsAtTheTrigger(() -> bookmarks.update(user, b.id(), patch));
    assertEquals(before, Counts.of(sql));
    assertEquals(b, queries.find(b.id()).orElseThrow());
  }

  @Test
  void deleteThatFailsAtTheJournalKeepsTheBookmark() {
    Bookmark b =
        bookmarks
            .create(user, withQuotes("https://example.com/d", "only-tag", List.of("q")), false)
            .bookmark();
    failWhen("fail_journal", "BEFORE INSERT ON changes");
    Counts before = Counts.of(sql);
    failsAtTheTrigger(() -> bookmarks.delete(user, b.id()));
    assertEquals(before, Counts.of(sql));
    assertEquals(b, queries.find(b.id()).orElseThrow());
  }

  @Test
  void replaceThatFailsAtTheJournalKeepsTheOriginal() {
    Bookmark b =
        bookmarks
            .create(user, withQuotes("https://example.com/r", "a", List.of("q")), false)
            .bookmark();
    failWhen("fail_journal", "BEFORE INSERT ON changes");
    Counts before = Counts.of(sql);
    failsAtTheTrigger(() -> bookmarks.create(user, draft("https://example.com/r", "b"), true));
    assertEquals(before, Counts.of(sql));
    assertEquals(b, queries.find(b.id()).orElseThrow());
  }

  /**
   * The write fails where the trigger makes it fail, not earlier (a validation error before any
   * statement would leave the counts equal too).
   */
  private static void failsAtTheTrigger(Executable write) {
    RuntimeException e = assertThrows(RuntimeException.class, write);
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains("injected failure")) {
        return;
      }
    }
    throw new AssertionError("failed before the injected failure", e);
  }

  private void failWhen(String name, String when) {
    sql.run(
        db ->
            db.execute(
                "CREATE TRIGGER "
                    + name
                    + " "
                    + when
                    + " BEGIN SELECT RAISE(ABORT, 'injected failure'); END"));
  }
}
