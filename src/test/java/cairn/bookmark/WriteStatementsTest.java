package cairn.bookmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.bookmark.BookmarkWriter.Change;
import cairn.support.StatementCounter;
import cairn.support.TestStore;
import cairn.tag.TagList;
import cairn.user.UserService;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The write path's statement budget, in the way linkding guards its queries: a single save and an
 * import batch each run a fixed number of SQL statements, whatever the number of tags, quotes or
 * bookmarks. A change that adds a statement per row fails here first.
 */
@MicronautTest(transactional = false, startApplication = false)
class WriteStatementsTest implements TestPropertyProvider {
  /**
   * Insert + id, tags ensured + their ids, links, quotes, journal (the user's stamp, the rows, and
   * their last seq: jOOQ reads SQLite's RETURNING as a second select), read back (3). It was 14 for
   * a bookmark with one quote, and grew by one per quote, before the one write path.
   */
  static final int CREATE = 12;

  /** Stored states, insert + ids, tags ensured + their ids, links, quotes, journal (3). */
  static final int BATCH = 10;

  @Inject BookmarkService bookmarks;
  @Inject BookmarkWriter writer;
  @Inject UserService users;
  @Inject StatementCounter statements;

  long user;

  @Override
  public Map<String, String> getProperties() {
    return TestStore.properties();
  }

  @BeforeEach
  void user() {
    user = users.create(TestStore.uniqueName("count"), "password-c").user().id();
  }

  @Test
  void aNewBookmarkWithTagsAndQuotesIsSavedInTwelveStatementsWhateverTheirNumber() {
    int few = statements.count(() -> create("https://example.com/few", 2, 1));
    int many = statements.count(() -> create("https://example.com/many", 40, 30));
    assertEquals(few, many, "statements do not grow with tags and quotes");
    assertTrue(few <= CREATE, "a create ran " + few + " statements; the budget is " + CREATE);
  }

  @Test
  void anImportBatchRunsTheSameFewStatementsForTenBookmarksAsForAThousand() {
    int ten = statements.count(() -> batch("ten", 10));
    int thousand = statements.count(() -> batch("thousand", 1000));
    assertEquals(ten, thousand, "statements do not grow with the batch");
    assertTrue(ten <= BATCH, "a batch ran " + ten + " statements; the budget is " + BATCH);
  }

  @Test
  void anEditThatAppendsAQuoteKeepsTheRowsOfTheQuotesBeforeIt() {
    var saved = create("https://example.com/quotes", 1, 2);
    var ids = saved.bookmark().quotes().stream().map(Bookmark.Quote::id).toList();
    var patch =
        new BookmarkPatch(
            null, null, null, List.of("quote 0", "quote 1", "new"), null, null, null, null);
    var edited = bookmarks.update(user, saved.bookmark().id(), patch).bookmark().quotes();
    assertEquals(
        List.of("quote 0", "quote 1", "new"), edited.stream().map(Bookmark.Quote::text).toList());
    assertEquals(ids, edited.subList(0, 2).stream().map(Bookmark.Quote::id).toList());
  }

  private BookmarkService.Saved create(String url, int tags, int quotes) {
    return bookmarks.create(user, draft(url, tags, quotes), false);
  }

  private static BookmarkDraft draft(String url, int tags, int quotes) {
    List<String> tagNames = new ArrayList<>();
    for (int i = 0; i < tags; i++) {
      tagNames.add("tag" + i);
    }
    List<String> quoteTexts = new ArrayList<>();
    for (int i = 0; i < quotes; i++) {
      quoteTexts.add("quote " + i);
    }
    return new BookmarkDraft(
        url, "Title", "notes", quoteTexts, TagList.of(tagNames), true, false, null);
  }

  private void batch(String name, int size) {
    List<String> keys = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      BookmarkDraft draft = draft("https://example.com/" + name + "/" + i, 3, 1);
      String key = UrlKey.of(draft.url()).value();
      keys.add(key);
      changes.add(new Change(null, BookmarkState.of(draft, 0), key));
    }
    // as an import does it: the user's bookmarks for the batch's URLs, then the write
    writer.stored(user, keys);
    writer.write(user, changes);
  }
}
