package cairn.query;

import cairn.bookmark.UrlKey;
import cairn.input.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in the popular ranking, opaque to clients: the URL a page starts after (by its count,
 * newest save and hash) and the direction to go, so pages neither skip nor repeat URLs when counts
 * change meanwhile.
 */
public record PopularCursor(Cursor.Direction direction, int count, long newest, String hash) {

  /** The text a client sends back. */
  public String encode() {
    String raw =
        (direction == Cursor.Direction.EARLIER ? "e" : "l")
            + "."
            + count
            + "."
            + newest
            + "."
            + hash;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a cursor a client sent; throws naming {@code cursor} if it is not one of ours. */
  public static PopularCursor decode(String text) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      String[] parts = raw.split("\\.");
      if (parts.length == 4
          && (parts[0].equals("e") || parts[0].equals("l"))
          && UrlKey.isHash(parts[3])) {
        Cursor.Direction direction =
            parts[0].equals("e") ? Cursor.Direction.EARLIER : Cursor.Direction.LATER;
        return new PopularCursor(
            direction, Integer.parseInt(parts[1]), Long.parseLong(parts[2]), parts[3]);
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below; NumberFormatException is an IllegalArgumentException
    }
    throw new InvalidInputException("cursor", "is not a cursor this listing gave out");
  }
}
