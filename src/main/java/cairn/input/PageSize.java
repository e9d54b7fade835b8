package cairn.input;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The page sizes people choose from (20, 40, 80, 120, 160), on the pages, in the settings and in
 * the JSON API: the one copy of the rule and its message.
 */
public final class PageSize {
  public static final List<Integer> CHOICES = List.of(20, 40, 80, 120, 160);

  public static final int DEFAULT = 20;

  private static final String RULE =
      "must be one of " + String.join(", ", CHOICES.stream().map(String::valueOf).toList());

  private PageSize() {}

  /**
   * A page size as people and programs write it ({@code per_page}): one of {@link #CHOICES}; {@code
   * fallback} when absent or empty; anything else is a 400 on {@code per_page}.
   */
  public static int parse(@Nullable String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return check(Integer.parseInt(value.strip()));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("per_page", RULE + "; got '" + value + "'");
    }
  }

  /** {@code size}, if it is one of {@link #CHOICES}; otherwise a 400 on {@code per_page}. */
  public static int check(int size) {
    if (!CHOICES.contains(size)) {
      throw new InvalidInputException("per_page", RULE + "; got " + size);
    }
    return size;
  }
}
