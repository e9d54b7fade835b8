package cairn.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cairn.bookmark.BookmarkDraft;
import cairn.bookmark.BookmarkService;
import cairn.browse.ListingService;
import cairn.journal.ChangeJournal;
import cairn.query.Listing;
import cairn.support.SmallDisk;
import cairn.support.TestStore;
import cairn.tag.TagList;
import cairn.user.UserService;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The index's disk fills up while the store's does not: every write is acknowledged, the indexer
 * fails to flush, rolls its writer back and retries with back-off (a few log lines, not one per
 * attempt); listings keep answering from what was visible, without waiting; once space is back, the
 * index catches up with every acknowledged write, with no restart.
 */
class IndexDiskFullTest {
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final int WRITES = 300;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void writesAcknowledgedWhileTheIndexDiskIsFullAreListedOnceSpaceIsBackWithoutARestart()
      throws Exception {
    Path dir = TestStore.newDataDir();
    Path index = Files.createDirectories(dir.resolve("index"));
    Assumptions.assumeTrue(SmallDisk.mount(index, 4), "mounting a small tmpfs needs root");
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger().addAppender(log);
    try (ApplicationContext context =
        ApplicationContext.run(Map.copyOf(TestStore.properties(dir)))) {
      long user =
          context
              .getBean(UserService.class)
              .create(TestStore.uniqueName("idxfull"), "password-1")
              .user()
              .id();
      BookmarkService bookmarks = context.getBean(BookmarkService.class);
      ListingService listings = context.getBean(ListingService.class);
      Path filler = index.resolve("filler");
      SmallDisk.fill(filler);
      String notes = "stein ".repeat(1000);
      for (int i = 0; i < WRITES; i++) {
        bookmarks.create(
            user,
            new BookmarkDraft(
                "https://idxfull.example.com/" + i,
                "Full " + i,
                notes,
                List.of(),
                TagList.parse("full"),
                true,
                false,
                null),
            false);
      }
      awaitLogged(log, "Indexing failed");

      long start = System.nanoTime();
      listings.list(Listing.of(user, user));
      assertTrue(
          System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30),
          "a listing waited for an index that cannot advance");

      Files.delete(filler);
      long last = context.getBean(ChangeJournal.class).lastSeq();
      awaitVisible(context.getBean(SearchIndex.class), last);
      assertEquals(WRITES, listings.list(Listing.of(user, user).withTags(List.of("full"))).total());
    } finally {
      logger().detachAppender(log);
      SmallDisk.unmount(index);
    }
    long warnings =
        log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).count();
    assertTrue(warnings <= 10, warnings + " warnings from the index: " + log.list);
  }

  private static ch.qos.logback.classic.Logger logger() {
    return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(SearchIndex.class);
  }

  /**
   * Waits, bounded, for the index to show {@code seq}. While the index is failing, {@link
   * SearchIndex#awaitVisible} answers at once instead of waiting: ask again until it recovers.
   */
  private static void awaitVisible(SearchIndex index, long seq) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!index.awaitVisible(seq, Duration.ofSeconds(1))) {
      if (System.nanoTime() > deadline) {
        fail("the index never showed " + seq + "; it shows " + index.visibleSeq());
      }
      Thread.sleep(100);
    }
  }

  /** Waits, bounded, for the indexer to report a failure (nothing else signals it). */
  private static void awaitLogged(ListAppender<ILoggingEvent> log, String text)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (log.list.stream().noneMatch(e -> e.getFormattedMessage().contains(text))) {
      if (System.nanoTime() > deadline) {
        fail("never logged \"" + text + "\": " + log.list);
      }
      Thread.sleep(100);
    }
  }
}
