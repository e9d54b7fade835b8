package cairn.bookmark;

import static cairn.support.Drafts.draft;
import static cairn.support.Drafts.withQuotes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.db.schema.Tables;
import cairn.support.Sql;
import cairn.support.TestStore;
import cairn.tag.TagList;
import cairn.user.UserService;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false, startApplication = false)
class BookmarkServiceTest implements TestPropertyProvider {
  @Inject BookmarkService bookmarks;
  @Inject BookmarkQueries queries;
  @Inject UserService users;
  @Inject Sql sql;

  long alice;
  long bob;

  @Override
  public Map<String, String> getProperties() {
    return TestStore.properties();
  }

  @BeforeEach
  void users() {
    alice = users.create(TestStore.uniqueName("alice"), "password-a").user().id();
    bob = users.create(TestStore.uniqueName("bob"), "password-b").user().id();
  }

  @Test
  void createStoresEveryFieldAndReturnsItsJournalPosition() {
    Instant created = Instant.parse("2017-07-01T12:00:00Z");
    var draft =
        new BookmarkDraft(
            " https://Example.com/paper ",
            " A paper ",
            "line one\nline two",
            List.of("first quote", "second quote"),
            TagList.parse("distcomp Papers .later"),
            true,
            true,
            created);
    var saved = bookmarks.create(alice, draft, false);
    Bookmark b = saved.bookmark();
    assertEquals("https://Example.com/paper", b.url());
    assertEquals(PinboardHash.of("https://Example.com/paper"), b.hash());
    assertEquals("A paper", b.title());
    assertEquals("line one\nline two", b.notes());
    assertEquals(
        List.of("first quote", "second quote"),
        b.quotes().stream().map(Bookmark.Quote::text).toList());
    assertEquals(List.of("distcomp", "Papers", ".later"), b.tags());
    assertTrue(b.shared());
    assertTrue(b.toread());
    assertEquals(created, b.created());
    assertTrue(saved.created());
    long lastSeq =
        sql.read(
            db ->
                db.select(DSL.max(Tables.CHANGES.SEQ))
                    .from(Tables.CHANGES)
                    .fetchOne(0, Long.class));
    assertEquals(lastSeq, saved.seq());
    assertEquals(b, queries.find(b.id()).orElseThrow());
  }

  @Test
  void everyWriteAppendsOneJournalRowWithAHigherSeq() {
    var first = bookmarks.create(alice, draft("https://example.com/1"), false);
    var second = bookmarks.update(alice, first.bookmark().id(), patchTitle("changed"));
    var third = bookmarks.addQuote(alice, first.bookmark().id(), "q");
    long fourth = bookmarks.delete(alice, first.bookmark().id());
    assertTrue(first.seq() < second.seq() && second.seq() < third.seq() && third.seq() < fourth);
    assertEquals(
        4, sql.count(Tables.CHANGES, Tables.CHANGES.BOOKMARK_ID.eq(first.bookmark().id())));
  }

  @Test
  void savingTheSameNormalizedUrlAgainNamesTheExistingBookmark() {
    long id = bookmarks.create(alice, draft("https://example.com/a"), false).bookmark().id();
    var e =
        assertThrows(
            DuplicateBookmarkException.class,
            () -> bookmarks.create(alice, draft("HTTPS://EXAMPLE.com:443/a#top"), false));
    assertEquals(id, e.existingId());
  }

  @Test
  void twoUsersMaySaveTheSameUrl() {
    bookmarks.create(alice, draft("https://example.com/shared"), false);
    assertTrue(bookmarks.create(bob, draft("https://example.com/shared"), false).created());
  }

  @Test
  void replaceKeepsTheIdAndTheOriginalDateWhenNoDateIsGiven() {
    var original =
        bookmarks
            .create(alice, withQuotes("https://example.com/r", "old", List.of("q")), false)
            .bookmark();
    var replaced = bookmarks.create(alice, draft("https://example.com/r", "new"), true);
    assertFalse(replaced.created());
    assertEquals(original.id(), replaced.bookmark().id());
    assertEquals(original.created(), replaced.bookmark().created());
    assertEquals(List.of("new"), replaced.bookmark().tags());
    assertEquals(List.of(), replaced.bookmark().quotes());
  }

  @Test
  void updateChangesOnlyTheGivenFields() {
    var b =
        bookmarks
            .create(alice, withQuotes("https://example.com/u", "a b", List.of("q")), false)
            .bookmark();
    var updated =
        bookmarks
            .update(
                alice,
                b.id(),
                new BookmarkPatch(null, null, "new notes", null, null, true, null, null))
            .bookmark();
    assertEquals("new notes", updated.notes());
    assertTrue(updated.shared());
    assertEquals(b.title(), updated.title());
    assertEquals(b.tags(), updated.tags());
    assertEquals(b.quotes(), updated.quotes());
    assertEquals(b.created(), updated.created());
  }

  @Test
  void movingABookmarkOntoAnotherSavedUrlIsADuplicate() {
    long first = bookmarks.create(alice, draft("https://example.com/x"), false).bookmark().id();
    long second = bookmarks.create(alice, draft("https://example.com/y"), false).bookmark().id();
    var e =
        assertThrows(
            DuplicateBookmarkException.class,
            () ->
                bookmarks.update(
                    alice,
                    second,
                    new BookmarkPatch(
                        "https://example.com/x", null, null, null, null, null, null, null)));
    assertEquals(first, e.existingId());
  }

  @Test
  void aTagKeepsTheSpellingItsUserFirstWrote() {
    bookmarks.create(alice, draft("https://example.com/1", "Java"), false);
    var second = bookmarks.create(alice, draft("https://example.com/2", "JAVA jvm"), false);
    assertEquals(List.of("Java", "jvm"), second.bookmark().tags());
  }

  @Test
  void deleteRemovesQuotesTagLinksAndTagsNoLongerUsed() {
    var keep =
        bookmarks.create(alice, draft("https://example.com/keep", "common"), false).bookmark();
    var gone =
        bookmarks
            .create(
                alice,
                withQuotes("https://example.com/gone", "common only-here", List.of("q1", "q2")),
                false)
            .bookmark();
    bookmarks.delete(alice, gone.id());
    assertTrue(queries.find(gone.id()).isEmpty());
    assertEquals(0, sql.count(Tables.QUOTES, Tables.QUOTES.BOOKMARK_ID.eq(gone.id())));
    assertEquals(
        0, sql.count(Tables.BOOKMARK_TAGS, Tables.BOOKMARK_TAGS.BOOKMARK_ID.eq(gone.id())));
    assertEquals(
        List.of("common"),
        sql.read(
            db ->
                db.select(Tables.TAGS.NAME)
                    .from(Tables.TAGS)
                    .where(Tables.TAGS.USER_ID.eq(alice))
                    .fetch(Tables.TAGS.NAME)));
    assertEquals(List.of("common"), queries.find(keep.id()).orElseThrow().tags());
  }

  @Test
  void someoneElsesBookmarkCannotBeChangedAndIsNotFound() {
    long id = bookmarks.create(alice, draft("https://example.com/mine"), false).bookmark().id();
    assertThrows(BookmarkNotFoundException.class, () -> bookmarks.update(bob, id, patchTitle("x")));
    assertThrows(BookmarkNotFoundException.class, () -> bookmarks.delete(bob, id));
    assertThrows(BookmarkNotFoundException.class, () -> bookmarks.addQuote(bob, id, "x"));
    assertEquals("Title of https://example.com/mine", queries.find(id).orElseThrow().title());
  }

  @Test
  void aPrivateBookmarkIsVisibleOnlyToItsOwner() {
    long id =
        bookmarks
            .create(alice, withQuotes("https://example.com/private", "", List.of()), false)
            .bookmark()
            .id();
    assertEquals(id, queries.getVisible(id, alice).id());
    assertThrows(BookmarkNotFoundException.class, () -> queries.getVisible(id, bob));
  }

  @Test
  void quotesAreAppendedInOrderAndRemovedById() {
    long id =
        bookmarks
            .create(alice, withQuotes("https://example.com/q", "", List.of("one")), false)
            .bookmark()
            .id();
    bookmarks.addQuote(alice, id, "two");
    var three = bookmarks.addQuote(alice, id, "three").bookmark();
    assertEquals(
        List.of("one", "two", "three"), three.quotes().stream().map(Bookmark.Quote::text).toList());
    long twoId = three.quotes().get(1).id();
    var after = bookmarks.removeQuote(alice, id, twoId).bookmark();
    assertEquals(
        List.of("one", "three"), after.quotes().stream().map(Bookmark.Quote::text).toList());
    assertEquals("four", bookmarks.addQuote(alice, id, "four").bookmark().quotes().get(2).text());
    assertThrows(QuoteNotFoundException.class, () -> bookmarks.removeQuote(alice, id, twoId));
  }

  private static BookmarkPatch patchTitle(String title) {
    return new BookmarkPatch(null, title, null, null, null, null, null, null);
  }
}
