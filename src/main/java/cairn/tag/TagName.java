package cairn.tag;

import cairn.input.InvalidInputException;
import cairn.input.TextLimits;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One tag as a user wrote it, with the key it is matched by.
 *
 * <p>Tags are 1–255 characters without whitespace or commas; they may not start with {@code -}
 * (that means exclusion in filters); a leading {@code .} makes a tag private to its owner. Tags
 * match case-insensitively: the key is the Unicode NFC form lower-cased in the root locale, and the
 * name keeps the case the user first wrote.
 */
public record TagName(String name, String key) {
  public static final int MAX_LENGTH = 255;
  static final Pattern SEPARATOR = Pattern.compile("[\\s,]+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern FORBIDDEN =
      Pattern.compile("[\\s,]", Pattern.UNICODE_CHARACTER_CLASS);

  /** Parses one tag; throws naming the rule if {@code raw} is not a valid single tag. */
  public static TagName of(String raw) {
    String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
    if (name.isEmpty()) {
      throw invalid("a tag must not be empty");
    }
    if (FORBIDDEN.matcher(name).find()) {
      throw invalid("a tag must not contain whitespace or commas: " + quoted(name));
    }
    if (name.startsWith("-")) {
      throw invalid("a tag must not start with '-' (that means exclusion): " + quoted(name));
    }
    if (name.equals(".")) {
      throw invalid("a private tag needs a name after the '.'");
    }
    if (name.codePoints().anyMatch(Character::isISOControl)
        || TextLimits.firstUncarried(name, 0) >= 0) {
      throw invalid("a tag must not contain control characters: " + quoted(name));
    }
    int length = name.codePointCount(0, name.length());
    if (length > MAX_LENGTH) {
      throw invalid("a tag must be at most 255 characters; got " + length + ": " + quoted(name));
    }
    return new TagName(name, keyOf(name));
  }

  /** The matching key of any tag text, valid or not: NFC, lower-cased in the root locale. */
  public static String keyOf(String text) {
    // ASCII is already in NFC; skipping the normalizer matters when counting thousands of tags
    String nfc = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    return nfc.toLowerCase(Locale.ROOT);
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** True for tags that only their owner sees ({@code .tag}). */
  public boolean isPrivate() {
    return isPrivate(name);
  }

  /** Whether two spellings name one tag: their keys are equal (NFC, case folded). */
  public static boolean same(String a, String b) {
    return keyOf(a).equals(keyOf(b));
  }

  /**
   * The one rule for private tags, for a name or a key alike (a key keeps the name's first
   * character): a tag that starts with a dot is seen only by its owner.
   */
  public static boolean isPrivate(String nameOrKey) {
    return nameOrKey.startsWith(".");
  }

  @Override
  public String toString() {
    return name;
  }

  private static InvalidInputException invalid(String rule) {
    return new InvalidInputException("tags", rule);
  }

  private static String quoted(String name) {
    String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
    return "'" + shown + "'";
  }
}
