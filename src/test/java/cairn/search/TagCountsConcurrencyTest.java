package cairn.search;

import static cairn.support.Drafts.draft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.bookmark.BookmarkService;
import cairn.query.Listing;
import cairn.support.TestStore;
import cairn.user.UserService;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Related-tag counts stay exact while readers count and the indexer writes, publishes new segments,
 * merges them and grows the tag vocabulary past its ranking under them: every answer is compared
 * with a brute-force count of the bookmarks it says it saw. Bookmark {@code i} carries {@code all},
 * {@code m2} when {@code i} is even, {@code m3} (spelled {@code M3} on odd {@code i}) when {@code
 * i} is a multiple of 3, and a tag of its own; one writer makes them in order, so a listing that
 * sees {@code n} bookmarks sees exactly bookmarks 0 to n-1.
 */
class TagCountsConcurrencyTest {
  private static final int BOOKMARKS = 400;
  private static final int READERS = 3;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void countsSeenDuringWritesEqualABruteForceCountOfWhatEachAnswerSaw() throws Exception {
    try (ApplicationContext context =
        ApplicationContext.run(Map.copyOf(TestStore.properties(TestStore.newDataDir())))) {
      long user =
          context
              .getBean(UserService.class)
              .create(TestStore.uniqueName("conc"), "pw-conc-1")
              .user()
              .id();
      BookmarkService bookmarks = context.getBean(BookmarkService.class);
      SearchIndex index = context.getBean(SearchIndex.class);
      AtomicBoolean writing = new AtomicBoolean(true);
      ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
      AtomicInteger checked = new AtomicInteger();
      List<Thread> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        readers.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      do {
                        IndexPage page = index.list(Listing.of(user, user));
                        Map<String, Integer> expected = bruteForce((int) page.total());
                        Map<String, Integer> seen = new TreeMap<>();
                        page.related().forEach(t -> seen.put(t.key(), t.count()));
                        if (!expected.equals(seen) && wrong.size() < 5) {
                          wrong.add(page.total() + " seen: " + seen + " expected: " + expected);
                        }
                        checked.incrementAndGet();
                      } while (writing.get());
                    }));
      }
      long last = 0;
      try {
        for (int i = 0; i < BOOKMARKS; i++) {
          last =
              bookmarks.create(user, draft("https://conc.example.com/" + i, tags(i)), false).seq();
        }
      } finally {
        writing.set(false);
        for (Thread reader : readers) {
          reader.join(Duration.ofMinutes(1));
        }
      }
      assertTrue(index.awaitVisible(last, Duration.ofMinutes(1)));
      IndexPage all = index.list(Listing.of(user, user));
      assertEquals(BOOKMARKS, all.total());
      assertEquals(List.of(), List.copyOf(wrong));
      assertTrue(checked.get() >= READERS, checked + " answers checked");
    }
  }

  private static String tags(int i) {
    StringBuilder tags = new StringBuilder("all own" + i);
    if (i % 2 == 0) {
      tags.append(" m2");
    }
    if (i % 3 == 0) {
      tags.append(i % 2 == 0 ? " m3" : " M3");
    }
    return tags.toString();
  }

  /** The related tags by key of bookmarks 0 to n-1, counted one by one. */
  private static Map<String, Integer> bruteForce(int n) {
    Map<String, Integer> counts = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      for (String tag : tags(i).split(" ")) {
        counts.merge(tag.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
      }
    }
    return counts;
  }
}
