package cairn.browse;

import cairn.input.InvalidInputException;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;

/** How far back popular looks: saves of the last day, 7 days, 30 days, or all time. */
public enum PopularWindow {
  DAY("1d", Duration.ofDays(1)),
  WEEK("7d", Duration.ofDays(7)),
  MONTH("30d", Duration.ofDays(30)),
  ALL("all", null);

  public static final PopularWindow DEFAULT = WEEK;

  private final String label;
  private final Duration length;

  PopularWindow(String label, @Nullable Duration length) {
    this.label = label;
    this.length = length;
  }

  /** {@code 1d}, {@code 7d}, {@code 30d} or {@code all}. */
  public String label() {
    return label;
  }

  /** The window's start as of {@code now}; {@code null} for all time. */
  @Nullable
  Instant since(Instant now) {
    return length == null ? null : now.minus(length);
  }

  /** The window a client named; the default when none; throws naming {@code window}. */
  public static PopularWindow parse(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT;
    }
    for (PopularWindow w : values()) {
      if (w.label.equals(text.strip())) {
        return w;
      }
    }
    throw new InvalidInputException(
        "window", "must be one of 1d, 7d, 30d, all; got '" + text + "'");
  }
}
