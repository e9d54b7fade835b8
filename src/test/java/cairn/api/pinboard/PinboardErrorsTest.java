package cairn.api.pinboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.bookmark.BookmarkNotFoundException;
import cairn.bookmark.DuplicateBookmarkException;
import cairn.db.StoreFullException;
import cairn.input.InvalidInputException;
import cairn.search.IndexUnavailableException;
import cairn.tag.TagNotFoundException;
import io.micronaut.http.HttpStatus;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one table of what Pinboard clients are told of each failure. */
class PinboardErrorsTest {
  private static final Set<PinboardMethod> WRITES =
      EnumSet.of(
          PinboardMethod.POSTS_ADD,
          PinboardMethod.POSTS_DELETE,
          PinboardMethod.TAGS_DELETE,
          PinboardMethod.TAGS_RENAME);

  @Test
  void refusedInputIsA200OnWritesAndA400OnReads() {
    var refused = new InvalidInputException("url", "must be http or https");
    for (PinboardMethod m : PinboardMethod.values()) {
      var answer = PinboardErrors.of(refused, m);
      assertEquals(
          WRITES.contains(m) ? HttpStatus.OK : HttpStatus.BAD_REQUEST, answer.status(), m.name());
      assertEquals("url: must be http or https", answer.code());
      assertEquals(WRITES.contains(m), m.writes(), m.name());
    }
  }

  @Test
  void missingAndDuplicateItemsUsePinboardsFixedCodes() {
    var get = PinboardMethod.POSTS_GET;
    assertEquals(
        new PinboardErrors.Answer(HttpStatus.OK, "item not found"),
        PinboardErrors.of(new BookmarkNotFoundException(7), get));
    assertEquals(
        new PinboardErrors.Answer(HttpStatus.OK, "item not found"),
        PinboardErrors.of(new TagNotFoundException("gone"), PinboardMethod.TAGS_DELETE));
    assertEquals(
        new PinboardErrors.Answer(HttpStatus.OK, "item already exists"),
        PinboardErrors.of(new DuplicateBookmarkException(7, "https://a.example/"), get));
  }

  @Test
  void failuresOfTheServerSaySoWithTheirOwnStatus() {
    var unavailable =
        PinboardErrors.of(
            new IndexUnavailableException("the index is being rebuilt from the store", null),
            PinboardMethod.POSTS_RECENT);
    assertEquals(HttpStatus.SERVICE_UNAVAILABLE, unavailable.status());
    assertEquals(1, unavailable.retryAfter());
    assertEquals("the index is being rebuilt from the store", unavailable.code());

    var full =
        PinboardErrors.of(
            new StoreFullException(new IOException("disk full")), PinboardMethod.POSTS_ADD);
    assertEquals(HttpStatus.INSUFFICIENT_STORAGE, full.status());
  }

  @Test
  void anythingUnexpectedIsA500WithAnIdNeverItsMessage() {
    var answer =
        PinboardErrors.of(
            new IllegalStateException("secret internals at /var/lib"), PinboardMethod.POSTS_ALL);
    assertEquals(HttpStatus.INTERNAL_SERVER_ERROR, answer.status());
    assertFalse(answer.code().contains("internals"), answer.code());
    assertTrue(answer.code().matches(".*under error [0-9a-f]{12}"), answer.code());
  }

  @Test
  void methodsAreFoundByTheirPath() {
    assertEquals(PinboardMethod.POSTS_ALL, PinboardMethod.named("posts/all").orElseThrow());
    assertEquals(PinboardMethod.NOTE, PinboardMethod.named("notes/abc123").orElseThrow());
    assertEquals(PinboardMethod.NOTES_LIST, PinboardMethod.named("notes/list").orElseThrow());
    assertTrue(PinboardMethod.named("posts/everything").isEmpty());
    assertTrue(PinboardMethod.named("posts").isEmpty());
  }
}
