package cairn.query;

import cairn.input.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in a listing's order, opaque to clients: the bookmark a page starts after, and the
 * direction to go. Keyed by (created, id) rather than an offset, so pages neither skip nor repeat
 * rows when bookmarks are added meanwhile.
 */
public record Cursor(Direction direction, long created, long id) {
  /** Earlier: older bookmarks than the key; later: newer ones. */
  public enum Direction {
    EARLIER,
    LATER
  }

  /** The text a client sends back. */
  public String encode() {
    String raw = (direction == Direction.EARLIER ? "e" : "l") + "." + created + "." + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a cursor a client sent; throws naming {@code cursor} if it is not one of ours. */
  public static Cursor decode(String text) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      String[] parts = raw.split("\\.");
      if (parts.length == 3 && (parts[0].equals("e") || parts[0].equals("l"))) {
        Direction direction = parts[0].equals("e") ? Direction.EARLIER : Direction.LATER;
        return new Cursor(direction, Long.parseLong(parts[1]), Long.parseLong(parts[2]));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below; NumberFormatException is an IllegalArgumentException
    }
    throw new InvalidInputException("cursor", "is not a cursor this listing gave out");
  }

  /** Compares a (created, id) key with this cursor's key in listing order: positive if newer. */
  public int compareKey(long otherCreated, long otherId) {
    int byDate = Long.compare(otherCreated, created);
    return byDate != 0 ? byDate : Long.compare(otherId, id);
  }
}
