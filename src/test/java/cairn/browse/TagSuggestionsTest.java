package cairn.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.bookmark.BookmarkDraft;
import cairn.bookmark.BookmarkService;
import cairn.journal.ChangeJournal;
import cairn.search.SearchIndex;
import cairn.support.TestStore;
import cairn.tag.TagList;
import cairn.user.UserService;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tags offered while saving a page: what others who share gave the URL (never a private tag, never
 * a private save), the saver's own tags on it or else their tags among its words, and completion of
 * a tag being typed from the saver's own.
 */
@MicronautTest(transactional = false, startApplication = false)
class TagSuggestionsTest implements TestPropertyProvider {
  private static final String URL = "https://suggest.example.com/lucene-in-action";

  @Inject TagSuggestions suggestions;
  @Inject BookmarkService bookmarks;
  @Inject UserService users;
  @Inject SearchIndex index;
  @Inject ChangeJournal journal;

  @Override
  public Map<String, String> getProperties() {
    return TestStore.properties();
  }

  private long user(String name) {
    return users.create(TestStore.uniqueName(name), "password-" + name).user().id();
  }

  private void save(long user, String url, String tags, boolean shared) {
    bookmarks.create(
        user,
        new BookmarkDraft(url, "A page", "", List.of(), TagList.parse(tags), shared, false, null),
        false);
  }

  @Test
  void othersSharedTagsOwnTagsAndCompletion() {
    long alice = user("alice");
    long bob = user("bob");
    long carol = user("carol");
    long dave = user("dave");
    save(alice, URL, "java Lucene .secret", true);
    save(alice, "https://suggest.example.com/streams", "kafka streaming", true);
    save(bob, URL, "java search", true);
    save(carol, URL, "hidden", false);
    assertTrue(index.awaitVisible(journal.lastSeq(), Duration.ofSeconds(30)));

    List<String> popular = suggestions.popular(dave, URL);
    assertEquals("java", popular.get(0), "the most used first: " + popular);
    assertEquals(Set.of("java", "Lucene", "search"), Set.copyOf(popular));

    assertEquals(
        Set.of("java", "Lucene"), Set.copyOf(suggestions.recommended(alice, URL, "anything")));
    assertEquals(
        List.of("kafka"),
        suggestions.recommended(
            alice, "https://other.example.com/a-kafka-primer", "A primer on consumer groups"));
    assertEquals(List.of(), suggestions.recommended(dave, URL, "Lucene in Action"));

    assertEquals(List.of("Lucene"), suggestions.complete(alice, " lu"));
    assertEquals(List.of(), suggestions.complete(alice, " "));
    assertEquals(List.of(), suggestions.complete(dave, "ja"), "only one's own tags complete");
  }
}
