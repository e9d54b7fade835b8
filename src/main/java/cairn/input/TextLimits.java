package cairn.input;

import java.nio.charset.StandardCharsets;

/** Size rules shared by every text a user can store: a field is at most 64 KiB of UTF-8. */
public final class TextLimits {
  /** Notes, each quote and the title: 64 KiB of UTF-8 each. */
  public static final int MAX_TEXT_BYTES = 64 * 1024;

  private TextLimits() {}

  /**
   * Returns {@code text} if it fits in {@link #MAX_TEXT_BYTES}, else throws naming {@code field}.
   */
  public static String requireFits(String field, String text) {
    // UTF-8 takes at most 3 bytes per char, so short strings need no encoding to be checked.
    if (text.length() * 3L > MAX_TEXT_BYTES
        && text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
      throw new InvalidInputException(
          field,
          "must be at most 64 KiB (65,536 bytes of UTF-8); got "
              + text.getBytes(StandardCharsets.UTF_8).length
              + " bytes");
    }
    return text;
  }
}
