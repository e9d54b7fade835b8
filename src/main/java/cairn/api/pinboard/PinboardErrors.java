package cairn.api.pinboard;

import cairn.bookmark.DuplicateBookmarkException;
import cairn.db.StoreFullException;
import cairn.input.InvalidInputException;
import cairn.input.NotFoundException;
import cairn.search.IndexUnavailableException;
import cairn.user.Secrets;
import io.micronaut.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Pinboard client is told of each failure, in one table: the status and the {@code
 * result_code}. Every failure of a {@code /v1} call is answered here, in the format the client
 * asked for; none reaches a Pinboard client as the JSON API's problem+json.
 */
final class PinboardErrors {
  private static final Logger LOG = LoggerFactory.getLogger(PinboardErrors.class);

  /** A failure as Pinboard answers it; {@code retryAfter} in seconds, 0 for none. */
  record Answer(HttpStatus status, String code, long retryAfter) {
    Answer(HttpStatus status, String code) {
      this(status, code, 0);
    }
  }

  private PinboardErrors() {}

  static Answer of(RuntimeException e, PinboardMethod method) {
    return switch (e) {
      // writes carry their errors in a 200 body, as Pinboard; reads say 400
      case InvalidInputException i ->
          new Answer(method.writes() ? HttpStatus.OK : HttpStatus.BAD_REQUEST, i.getMessage());
      case DuplicateBookmarkException d -> new Answer(HttpStatus.OK, "item already exists");
      case NotFoundException n -> new Answer(HttpStatus.OK, "item not found");
      // not the client's fault, unlike the errors above: statuses that say so
      case StoreFullException f -> new Answer(HttpStatus.INSUFFICIENT_STORAGE, f.getMessage());
      case IndexUnavailableException u ->
          new Answer(HttpStatus.SERVICE_UNAVAILABLE, u.getMessage(), 1);
      default -> unexpected(e, method);
    };
  }

  /** Anything nobody expected: a 500 with an id to find it in the log, never its message. */
  private static Answer unexpected(RuntimeException e, PinboardMethod method) {
    String id = Secrets.randomHex(6);
    LOG.error("Unexpected error {} in Pinboard {}", id, method, e);
    return new Answer(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "something went wrong on the server; the log has the details under error " + id);
  }
}
