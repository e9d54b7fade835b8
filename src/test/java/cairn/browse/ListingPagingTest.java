package cairn.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkDraft;
import cairn.bookmark.BookmarkService;
import cairn.query.Listing;
import cairn.search.SearchIndex;
import cairn.support.StatementCounter;
import cairn.support.TestStore;
import cairn.tag.TagList;
import cairn.user.UserService;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@MicronautTest(transactional = false, startApplication = false)
class ListingPagingTest implements TestPropertyProvider {
  private static final int COUNT = 1000;
  private static final Instant BASE = Instant.parse("2021-01-01T00:00:00Z");

  @Inject BookmarkService bookmarks;
  @Inject ListingService listings;
  @Inject SearchIndex index;
  @Inject UserService users;
  @Inject StatementCounter statements;

  long user;
  List<Long> newestFirst;

  @Override
  public Map<String, String> getProperties() {
    return TestStore.properties();
  }

  @BeforeEach
  void populate() {
    if (newestFirst != null) {
      return;
    }
    user = users.create(TestStore.uniqueName("pager"), "password-1").user().id();
    newestFirst = saveMany(user, COUNT);
  }

  /** Saves {@code count} bookmarks tagged {@code paged}, a second apart; returns newest first. */
  private List<Long> saveMany(long owner, int count) {
    List<Long> ids = new ArrayList<>();
    BookmarkService.Saved last = null;
    for (int i = 0; i < count; i++) {
      last = save(owner, i, "p" + i, BASE.plusSeconds(i));
      ids.add(0, last.bookmark().id());
    }
    assertTrue(index.awaitVisible(last.seq(), Duration.ofSeconds(30)));
    return List.copyOf(ids);
  }

  @ParameterizedTest
  @ValueSource(ints = {20, 40, 80, 120, 160})
  void walkingEarlierThenLaterVisitsEachBookmarkExactlyOnce(int perPage) {
    Listing listing = Listing.of(user, user).withTags(List.of("paged")).withPerPage(perPage);
    List<List<Long>> pages = new ArrayList<>();
    ListingPage page = listings.list(listing);
    assertNull(page.later());
    pages.add(ids(page));
    while (page.earlier() != null) {
      page = listings.list(listing.withCursor(page.earlier()));
      pages.add(ids(page));
    }
    assertEquals(newestFirst, pages.stream().flatMap(List::stream).toList());
    assertEquals((COUNT + perPage - 1) / perPage, pages.size());
    List<Long> backwards = new ArrayList<>(ids(page));
    for (int p = pages.size() - 2; p >= 0; p--) {
      page = listings.list(listing.withCursor(page.later()));
      assertEquals(pages.get(p), ids(page));
      backwards.addAll(0, ids(page));
    }
    assertNull(page.later());
    assertEquals(newestFirst, backwards);
  }

  @Test
  void bookmarksSavedWhileWalkingNeitherShiftNorRepeatThePages() {
    // an account of its own: the bookmarks saved while walking must not change the other tests'
    int count = 200;
    long walker = users.create(TestStore.uniqueName("walker"), "password-1").user().id();
    List<Long> expected = saveMany(walker, count);
    Listing listing = Listing.of(walker, walker).withTags(List.of("paged")).withPerPage(40);
    Set<Long> seen = new HashSet<>();
    List<Long> walked = new ArrayList<>();
    ListingPage page = listings.list(listing);
    int inserted = 0;
    while (true) {
      for (long id : ids(page)) {
        assertTrue(seen.add(id), "repeated " + id);
        walked.add(id);
      }
      // newer bookmarks arrive between page loads, as they would from other tabs or clients
      long seq =
          save(walker, count + inserted, "w" + inserted, BASE.plusSeconds(count + inserted)).seq();
      inserted++;
      assertTrue(index.awaitVisible(seq, Duration.ofSeconds(10)));
      if (page.earlier() == null) {
        break;
      }
      page = listings.list(listing.withCursor(page.earlier()));
    }
    assertEquals(expected, walked);
    assertEquals(count / 40, inserted);
  }

  @Test
  void aPageIsHydratedInThreeStatementsWhateverItsSize() {
    for (int perPage : List.of(20, 160)) {
      Listing listing = Listing.of(user, user).withPerPage(perPage);
      int count = statements.count(() -> listings.list(listing));
      assertEquals(3, count, "statements for a page of " + perPage);
    }
  }

  private BookmarkService.Saved save(long owner, int i, String slug, Instant created) {
    var draft =
        new BookmarkDraft(
            "https://paging.example.com/" + slug,
            "Bookmark " + i,
            "",
            List.of("quote " + i),
            TagList.parse("paged t" + (i % 7)),
            i % 2 == 0,
            false,
            created);
    return bookmarks.create(owner, draft, false);
  }

  private static List<Long> ids(ListingPage page) {
    return page.items().stream().map(Bookmark::id).toList();
  }
}
