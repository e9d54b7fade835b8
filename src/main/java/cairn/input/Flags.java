package cairn.input;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;

/**
 * Yes/no values as people and programs write them, one vocabulary for every surface (the JSON API's
 * query flags, Pinboard's {@code shared}/{@code toread}/{@code replace}, form checkboxes, the web's
 * {@code unread}): yes/no, true/false, 1/0, on/off, in any case; absent or empty is "not said".
 */
public final class Flags {
  private Flags() {}

  /** The flag, or null when absent or empty; anything else is a 400 naming the field. */
  public static @Nullable Boolean parse(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "yes", "true", "1", "on" -> true;
      case "no", "false", "0", "off" -> false;
      default ->
          throw new InvalidInputException(
              field, "must be yes or no (or true/false, 1/0, on/off); got '" + value + "'");
    };
  }

  /** The flag, or {@code fallback} when absent or empty. */
  public static boolean parse(String field, @Nullable String value, boolean fallback) {
    Boolean flag = parse(field, value);
    return flag == null ? fallback : flag;
  }
}
