package cairn.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as the pages show them: relative while recent ("14 days ago"), "july 2017" after 30 days,
 * and the exact time for the hover title.
 */
final class Dates {
  private static final DateTimeFormatter MONTH_YEAR =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter EXACT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private Dates() {}

  static String relative(Instant when, Clock clock) {
    Duration ago = Duration.between(when, clock.instant());
    if (ago.isNegative() || ago.toMinutes() < 1) {
      return "just now";
    }
    if (ago.toHours() < 1) {
      return plural(ago.toMinutes(), "minute") + " ago";
    }
    if (ago.toDays() < 1) {
      return plural(ago.toHours(), "hour") + " ago";
    }
    if (ago.toDays() <= 30) {
      return plural(ago.toDays(), "day") + " ago";
    }
    return MONTH_YEAR.format(when).toLowerCase(Locale.ENGLISH);
  }

  static String exact(Instant when) {
    return EXACT.format(when);
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
