package cairn.tag;

import static cairn.support.Drafts.draft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.bookmark.BookmarkQueries;
import cairn.bookmark.BookmarkService;
import cairn.browse.ListingService;
import cairn.query.Listing;
import cairn.query.TagCount;
import cairn.search.SearchIndex;
import cairn.support.TestStore;
import cairn.user.UserService;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Renaming, merging and deleting tags change the store and, through the journal, the index. */
@MicronautTest(transactional = false, startApplication = false)
class TagServiceTest implements TestPropertyProvider {
  @Inject TagService tags;
  @Inject BookmarkService bookmarks;
  @Inject BookmarkQueries queries;
  @Inject ListingService listings;
  @Inject SearchIndex index;
  @Inject UserService users;

  long user;
  long a;
  long b;
  long c;

  @Override
  public Map<String, String> getProperties() {
    return TestStore.properties();
  }

  @BeforeEach
  void bookmarks() {
    user = users.create(TestStore.uniqueName("tagger"), "password-1").user().id();
    a = bookmarks.create(user, draft("https://a.example.com/", "js web"), false).bookmark().id();
    b =
        bookmarks
            .create(user, draft("https://b.example.com/", "javascript js"), false)
            .bookmark()
            .id();
    c =
        bookmarks
            .create(user, draft("https://c.example.com/", "javascript"), false)
            .bookmark()
            .id();
  }

  @Test
  void renamingToANewNameRenamesEverywhere() {
    var changed = tags.rename(user, "web", "WWW");
    assertEquals(1, changed.bookmarks());
    assertEquals(List.of("js", "WWW"), queries.find(a).orElseThrow().tags());
    assertEquals(Map.of("WWW", 1, "javascript", 2, "js", 2), counts(changed.seq()));
  }

  @Test
  void renamingOntoAnExistingTagMergesWithoutDuplicates() {
    var changed = tags.rename(user, "js", "javascript");
    assertEquals(2, changed.bookmarks());
    assertEquals(List.of("javascript", "web"), queries.find(a).orElseThrow().tags());
    assertEquals(List.of("javascript"), queries.find(b).orElseThrow().tags());
    assertEquals(Map.of("javascript", 3, "web", 1), counts(changed.seq()));
    var listing = Listing.of(user, user).withTags(List.of("js"));
    assertEquals(0, listings.list(listing).total());
  }

  @Test
  void changingOnlyTheCaseChangesHowTheTagIsShown() {
    var changed = tags.rename(user, "JS", "JS");
    assertEquals(List.of("JS", "web"), queries.find(a).orElseThrow().tags());
    assertEquals(Map.of("JS", 2, "javascript", 2, "web", 1), counts(changed.seq()));
  }

  @Test
  void deletingATagRemovesItFromEveryBookmark() {
    var changed = tags.delete(user, "javascript");
    assertEquals(2, changed.bookmarks());
    assertEquals(List.of(), queries.find(c).orElseThrow().tags());
    assertEquals(Map.of("js", 2, "web", 1), counts(changed.seq()));
  }

  @Test
  void unknownTagsAndInvalidNewNamesAreRefused() {
    assertThrows(TagNotFoundException.class, () -> tags.rename(user, "nope", "x"));
    assertThrows(TagNotFoundException.class, () -> tags.delete(user, "nope"));
    assertThrows(
        cairn.input.InvalidInputException.class, () -> tags.rename(user, "js", "two words"));
    assertThrows(cairn.input.InvalidInputException.class, () -> tags.rename(user, "js", "-js"));
  }

  @Test
  void anotherUsersTagIsNotYours() {
    long other = users.create(TestStore.uniqueName("other"), "password-2").user().id();
    assertThrows(TagNotFoundException.class, () -> tags.delete(other, "js"));
  }

  private Map<String, Integer> counts(long seq) {
    assertTrue(index.awaitVisible(seq, Duration.ofSeconds(10)));
    return listings.list(Listing.of(user, user)).related().stream()
        .collect(Collectors.toMap(TagCount::name, TagCount::count));
  }
}
