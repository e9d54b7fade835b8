package cairn.api.pinboard;

import cairn.bookmark.BookmarkDates;
import cairn.input.Flags;
import cairn.input.InvalidInputException;
import cairn.tag.TagList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Pinboard call's parameters, from the query string and a form body alike, read the way real
 * clients send them: yes/no/true/false/1/0 flags, tags split on spaces and commas, ISO-8601 times
 * with or without milliseconds and offsets. Unknown parameters are ignored; an empty value counts
 * as absent (some clients send every parameter).
 */
record PinboardParams(Map<String, String> values) {
  /** {@code 2020-05-16 10:11:12}, as Python writes a datetime, with an optional zone. */
  private static final Pattern SPACED_DATE_TIME =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)(Z|[+-]\\d{2}:\\d{2})?");

  /** Pinboard resets a {@code dt} more than this far ahead to the server's time. */
  static final Duration FUTURE_GRACE = Duration.ofMinutes(10);

  String get(String name) {
    String value = values.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  String text(String name, String fallback) {
    String value = values.get(name);
    return value == null ? fallback : value;
  }

  boolean flag(String name, boolean fallback) {
    return Flags.parse(name, get(name), fallback);
  }

  /** A flag that may be absent: {@code null} then, so the caller decides what absence means. */
  Boolean optionalFlag(String name) {
    return Flags.parse(name, get(name));
  }

  /** A filter of at most three tags, as every Pinboard listing method takes. */
  List<String> filterTags() {
    String value = get("tag");
    if (value == null) {
      return List.of();
    }
    List<String> tags = TagList.parse(value).names();
    if (tags.size() > 3) {
      throw new InvalidInputException("tag", "filter by at most three tags; got " + tags.size());
    }
    return tags;
  }

  /** A whole number, at most {@code max} (a bigger one, however big, counts as {@code max}). */
  int integer(String name, int fallback, int max) {
    String value = get(name);
    if (value == null) {
      return fallback;
    }
    String digits = value.strip();
    boolean negative = digits.startsWith("-");
    String magnitude = negative ? digits.substring(1) : digits;
    if (magnitude.isEmpty() || !magnitude.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidInputException(name, "must be a whole number; got '" + value + "'");
    }
    if (negative && magnitude.chars().anyMatch(c -> c != '0')) {
      throw new InvalidInputException(name, "must not be negative; got " + digits);
    }
    long n = magnitude.length() > 18 ? Long.MAX_VALUE : Long.parseLong(magnitude);
    return (int) Math.min(n, max);
  }

  /** A datetime parameter; a plain date means its midnight UTC. */
  Instant instant(String name) {
    String value = get(name);
    if (value == null) {
      return null;
    }
    String text = value.strip();
    Matcher spaced = SPACED_DATE_TIME.matcher(text);
    if (spaced.matches()) {
      // pinboard.py's documented posts.all(fromdt=datetime) sends str(datetime): a space, no zone;
      // Pinboard's times are UTC
      text =
          spaced.group(1)
              + "T"
              + spaced.group(2)
              + (spaced.group(3) == null ? "Z" : spaced.group(3));
    } else {
      // an unencoded + of an offset arrives as a space
      text = text.replace(' ', '+');
    }
    return BookmarkDates.parse(name, text);
  }

  /** {@code dt} of posts/add: more than ten minutes ahead becomes now, as on Pinboard. */
  Instant addedAt(Clock clock) {
    Instant dt = instant("dt");
    if (dt != null && dt.isAfter(clock.instant().plus(FUTURE_GRACE))) {
      return clock.instant();
    }
    return dt;
  }

  /** {@code dt} of posts/get: a day, given as a date or a datetime. */
  LocalDate day(String name) {
    String value = get(name);
    if (value == null) {
      return null;
    }
    try {
      return value.length() == 10
          ? LocalDate.parse(value)
          : instant(name).atZone(ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(name, "must be a date like 2024-05-01; got '" + value + "'");
    }
  }
}
