package cairn.bookmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cairn.exchange.ImportOptions;
import cairn.exchange.ImportProgress;
import cairn.exchange.ImportService;
import cairn.input.InvalidInputException;
import cairn.support.TestStore;
import cairn.tag.TagList;
import cairn.user.UserService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every "now" of the write path comes from the {@link Clock} bean: with the clock pinned years
 * ahead, a bookmark without a date is stamped with the pinned time, and "not in the future" is
 * judged against it — on the service and on an import alike.
 */
@MicronautTest(transactional = false, startApplication = false, environments = "pinned-clock")
class PinnedClockTest implements TestPropertyProvider {
  static final Instant NOW = Instant.parse("2031-05-06T07:08:09Z");

  @Factory
  @Requires(env = "pinned-clock")
  static class PinnedClock {
    @Singleton
    @Replaces(Clock.class)
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @Inject BookmarkService bookmarks;
  @Inject ImportService imports;
  @Inject UserService users;

  @Override
  public Map<String, String> getProperties() {
    return TestStore.properties();
  }

  private static BookmarkDraft draft(String url, Instant created) {
    return new BookmarkDraft(url, "t", "", List.of(), TagList.EMPTY, true, false, created);
  }

  @Test
  void aBookmarkIsStampedAndJudgedByThePinnedClock() {
    long user = users.create(TestStore.uniqueName("clock"), "password-c").user().id();
    var undated = bookmarks.create(user, draft("https://clock.example/now", null), false);
    assertEquals(NOW, undated.bookmark().created());
    assertEquals(NOW, undated.bookmark().updated());

    // years after the machine's own time, but within a day of the pinned one
    Instant lateButFine = NOW.plusSeconds(3_600);
    var dated = bookmarks.create(user, draft("https://clock.example/late", lateButFine), false);
    assertEquals(lateButFine, dated.bookmark().created());

    var e =
        assertThrows(
            InvalidInputException.class,
            () ->
                bookmarks.create(
                    user,
                    draft("https://clock.example/future", NOW.plusSeconds(2 * 86_400)),
                    false));
    assertEquals("created", e.field());
    assertThrows(
        InvalidInputException.class,
        () ->
            bookmarks.update(
                user,
                undated.bookmark().id(),
                new BookmarkPatch(
                    null, null, null, null, null, null, null, NOW.plusSeconds(2 * 86_400))));
  }

  @Test
  void anImportSkipsADateAfterThePinnedClockAndKeepsOneBeforeIt() throws Exception {
    long user = users.create(TestStore.uniqueName("clockimport"), "password-i").user().id();
    long fine = NOW.minusSeconds(60).getEpochSecond();
    long future = NOW.plusSeconds(3 * 86_400).getEpochSecond();
    String file =
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n"
            + "<DT><A HREF=\"https://clock.example/fine\" ADD_DATE=\""
            + fine
            + "\">Fine</A>\n"
            + "<DT><A HREF=\"https://clock.example/future\" ADD_DATE=\""
            + future
            + "\">Future</A>\n</DL><p>\n";
    var report =
        imports.importFile(
            user,
            new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
            "clock.html",
            ImportOptions.DEFAULTS,
            ImportProgress.NONE);
    assertEquals(1, report.imported(), report.toString());
    assertEquals(1, report.skippedCount(), report.toString());
    assertEquals("created", report.skipped().get(0).field(), report.toString());
  }
}
