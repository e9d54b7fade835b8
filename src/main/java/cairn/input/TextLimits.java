package cairn.input;

import java.nio.charset.StandardCharsets;

/**
 * Rules shared by every text a user can store: a field is at most 64 KiB of UTF-8, and holds only
 * characters that every output can carry.
 */
public final class TextLimits {
  /** Notes, each quote and the title: 64 KiB of UTF-8 each. */
  public static final int MAX_TEXT_BYTES = 64 * 1024;

  private TextLimits() {}

  /**
   * The text as it is stored: {@linkplain #withoutControls without the characters XML cannot
   * carry}, and at most 64 KiB, else throws naming {@code field}.
   */
  public static String storable(String field, String text) {
    return requireFits(field, withoutControls(text));
  }

  /**
   * The text without the characters that XML 1.0 cannot carry: C0 controls other than tab, line
   * feed and carriage return (NUL, ESC, …), U+FFFE and U+FFFF, and UTF-16 surrogates that are not
   * part of a pair. Stored, one such character made every Pinboard XML listing of the account
   * unparseable; they carry no meaning in a title or notes, so they are dropped, not refused.
   */
  public static String withoutControls(String text) {
    int first = firstUncarried(text, 0);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
    for (int i = first; i < text.length(); ) {
      int bad = firstUncarried(text, i);
      int end = bad < 0 ? text.length() : bad;
      out.append(text, i, end);
      i = bad < 0 ? end : end + 1;
    }
    return out.toString();
  }

  /** The index of the first character at or after {@code from} that XML cannot carry, or -1. */
  public static int firstUncarried(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0xD800 && !carried(text, i)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean carried(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
    return c != 0xFFFE && c != 0xFFFF;
  }

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
