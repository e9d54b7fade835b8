package cairn.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedVersionTest {
  private static final Instant CHANGED = Instant.parse("2026-12-04T16:31:05.250Z");
  private static final Instant LATER = Instant.parse("2026-12-04T17:00:00Z");
  private static final String SAME_SECOND = "Fri, 04 Dec 2026 16:31:05 GMT";

  @Test
  void theETagFollowsTheBytesAndLastModifiedIsTheChangesSecond() {
    FeedVersion a = FeedVersion.of("<rss/>", CHANGED, LATER);
    assertEquals(a.etag(), FeedVersion.of("<rss/>", LATER, LATER).etag());
    assertNotEquals(a.etag(), FeedVersion.of("<rss />", CHANGED, LATER).etag());
    assertTrue(a.etag().matches("\"[0-9a-f]{32}\""), a.etag());
    assertEquals(SAME_SECOND, a.lastModifiedHeader());
  }

  @Test
  void ifNoneMatchTakesAListWeakTagsAndAStar() {
    FeedVersion v = FeedVersion.of("<rss/>", CHANGED, LATER);
    assertTrue(v.notModified(v.etag(), null));
    assertTrue(v.notModified("\"x\", W/" + v.etag(), null));
    assertTrue(v.notModified("*", null));
    assertFalse(v.notModified("\"x\"", null));
    // If-None-Match decides alone when it is sent
    assertFalse(v.notModified("\"x\"", SAME_SECOND));
  }

  @Test
  void ifModifiedSinceAnswers304FromTheChangesSecondOn() {
    FeedVersion v = FeedVersion.of("<rss/>", CHANGED, LATER);
    assertTrue(v.notModified(null, SAME_SECOND));
    assertTrue(v.notModified(null, "Fri, 04 Dec 2026 16:40:00 GMT"));
    assertFalse(v.notModified(null, "Fri, 04 Dec 2026 16:31:04 GMT"));
    assertFalse(v.notModified(null, "last tuesday"));
  }

  @Test
  void whileTheChangesSecondIsNotOverThereIsNoLastModifiedToCompare() {
    FeedVersion fresh = FeedVersion.of("<rss/>", CHANGED, CHANGED.plusMillis(500));
    assertFalse(fresh.settled());
    assertFalse(fresh.notModified(null, SAME_SECOND));
    assertTrue(
        FeedVersion.of("<rss/>", CHANGED, CHANGED.plusMillis(750))
            .notModified(FeedVersion.of("<rss/>", CHANGED, LATER).etag(), null));
  }
}
