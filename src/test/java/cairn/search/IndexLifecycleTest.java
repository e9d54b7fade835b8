package cairn.search;

import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.support.Drafts.draft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.bookmark.BookmarkService;
import cairn.browse.ListingService;
import cairn.db.StoreOnly;
import cairn.query.Listing;
import cairn.query.TagCount;
import cairn.support.Sql;
import cairn.support.TestStore;
import cairn.user.UserService;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The index is derived: it resumes from its last commit, and an index that is missing, unreadable
 * or of another schema version is rebuilt from the store on start.
 */
class IndexLifecycleTest {

  @Test
  void aRestartResumesAndShowsEverythingInTheStore() {
    Path dir = TestStore.newDataDir();
    long user = populate(dir, 30);
    assertEquals(30, totalAfterStart(dir, user));
  }

  @Test
  void aMissingIndexIsRebuiltFromTheStore() throws IOException {
    Path dir = TestStore.newDataDir();
    long user = populate(dir, 25);
    deleteTree(dir.resolve("index"));
    assertEquals(25, totalAfterStart(dir, user));
  }

  @Test
  void anUnreadableIndexIsRebuiltFromTheStore() throws IOException {
    Path dir = TestStore.newDataDir();
    long user = populate(dir, 20);
    try (Stream<Path> files = Files.list(dir.resolve("index"))) {
      for (Path file :
          files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
      }
    }
    assertEquals(20, totalAfterStart(dir, user));
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void closingWhileWritesPourInLosesNoneOfThemFromTheIndex() throws InterruptedException {
    Path dir = TestStore.newDataDir();
    ApplicationContext context = ApplicationContext.run(props(dir));
    long user =
        context
            .getBean(UserService.class)
            .create(TestStore.uniqueName("close"), "pw-close1")
            .user()
            .id();
    BookmarkService bookmarks = context.getBean(BookmarkService.class);
    AtomicInteger acknowledged = new AtomicInteger();
    CountDownLatch enough = new CountDownLatch(150);
    Thread writer =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 0; ; i++) {
                    try {
                      bookmarks.create(user, draft("https://closing.example.com/" + i), false);
                    } catch (RuntimeException closed) {
                      return; // the store closed under the writes
                    }
                    acknowledged.incrementAndGet();
                    enough.countDown();
                  }
                });
    assertTrue(enough.await(3, TimeUnit.MINUTES), "150 writes acknowledged");
    context.close(); // the indexer is stopped, commits what it applied, and closes the writer
    writer.join(Duration.ofMinutes(1));
    assertFalse(writer.isAlive(), "the writes stopped with the store");

    // the next start opens the index (the last one let go of it) and shows every write
    try (ApplicationContext next = ApplicationContext.run(props(dir))) {
      long last = next.getBean(cairn.journal.ChangeJournal.class).lastSeq();
      assertTrue(next.getBean(SearchIndex.class).awaitVisible(last, Duration.ofMinutes(1)));
      int stored = next.getBean(Sql.class).count(BOOKMARKS, BOOKMARKS.USER_ID.eq(user));
      assertTrue(
          stored >= acknowledged.get(), stored + " stored, " + acknowledged + " acknowledged");
      assertEquals(stored, next.getBean(ListingService.class).list(Listing.of(user, user)).total());
    }
  }

  @Test
  void writesMadeWhileTheServerWasDownAreReplayedFromTheJournal() {
    Path dir = TestStore.newDataDir();
    long user = populate(dir, 10);
    try (ApplicationContext storeOnly =
        ApplicationContext.builder()
            .environments(StoreOnly.ENVIRONMENT)
            .properties(props(dir))
            .start()) {
      assertTrue(
          storeOnly.findBean(SearchIndex.class).isEmpty(),
          "store-only commands never open the index");
      BookmarkService bookmarks = storeOnly.getBean(BookmarkService.class);
      for (int i = 0; i < 5; i++) {
        bookmarks.create(user, draft("https://offline.example.com/" + i), false);
      }
    }
    assertEquals(15, totalAfterStart(dir, user));
  }

  private static long populate(Path dir, int count) {
    try (ApplicationContext context = ApplicationContext.run(props(dir))) {
      long user =
          context
              .getBean(UserService.class)
              .create(TestStore.uniqueName("life"), "password-1")
              .user()
              .id();
      BookmarkService bookmarks = context.getBean(BookmarkService.class);
      long seq = 0;
      for (int i = 0; i < count; i++) {
        seq =
            bookmarks
                .create(user, draft("https://life.example.com/" + i, "t" + (i % 3)), false)
                .seq();
      }
      assertTrue(context.getBean(SearchIndex.class).awaitVisible(seq, Duration.ofSeconds(10)));
      return user;
    }
  }

  /** Starts a context on the data directory and counts the user's bookmarks through the index. */
  private static long totalAfterStart(Path dir, long user) {
    try (ApplicationContext context = ApplicationContext.run(props(dir))) {
      SearchIndex index = context.getBean(SearchIndex.class);
      long last = context.getBean(cairn.journal.ChangeJournal.class).lastSeq();
      assertTrue(index.awaitVisible(last, Duration.ofSeconds(10)));
      var page = context.getBean(ListingService.class).list(Listing.of(user, user));
      assertEquals(
          List.of("t0", "t1", "t2"),
          page.related().stream().map(TagCount::name).filter(t -> t.startsWith("t")).toList());
      return page.total();
    }
  }

  private static java.util.Map<String, Object> props(Path dir) {
    return java.util.Map.of("cairn.data-dir", dir.toString());
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
