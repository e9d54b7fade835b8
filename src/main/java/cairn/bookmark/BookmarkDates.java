package cairn.bookmark;

import cairn.input.InvalidInputException;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parsing and range rules for the dates a client may give a bookmark. */
public final class BookmarkDates {
  /** Clocks drift; a day of slack keeps honest clients out of trouble. */
  private static final Duration FUTURE_SLACK = Duration.ofDays(1);

  private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999Z");

  private BookmarkDates() {}

  /**
   * Parses an ISO-8601 date-time with {@code Z} or an offset ({@code 2024-05-01T12:00:00Z}, {@code
   * 2024-05-01T14:00:00.250+02:00}) or a plain date (midnight UTC).
   */
  public static Instant parse(String field, String text) {
    Instant parsed;
    try {
      parsed =
          text.length() == 10
              ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
              : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          field,
          "must be an ISO-8601 date-time like 2024-05-01T12:00:00Z or a date like 2024-05-01; got '"
              + (text.length() > 40 ? text.substring(0, 40) + "…" : text)
              + "'");
    }
    // ISO-8601 allows years of nine digits, whose milliseconds no long can hold
    if (parsed.isBefore(FIRST) || parsed.isAfter(LAST)) {
      throw new InvalidInputException(field, "must be within the years 0001 to 9999; got " + text);
    }
    return parsed;
  }

  /** Rejects dates before 1970: a rule of the date alone, checked as a draft is built. */
  static Instant check(String field, Instant date) {
    if (date.isBefore(Instant.EPOCH)) {
      throw new InvalidInputException(field, "must not be before 1970-01-01T00:00:00Z");
    }
    return date;
  }

  /**
   * Rejects a date more than a day after {@code now}. It needs the time, so the write path asks it
   * with its {@code Clock} (BookmarkService, imports) rather than the draft, which has none.
   */
  public static void checkNotFuture(String field, @Nullable Instant date, Instant now) {
    if (date != null && date.isAfter(now.plus(FUTURE_SLACK))) {
      throw new InvalidInputException(field, "must not be in the future; got " + date);
    }
  }
}
