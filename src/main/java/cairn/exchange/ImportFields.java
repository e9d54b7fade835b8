package cairn.exchange;

import cairn.input.InvalidInputException;
import cairn.tag.TagName;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** Field parsing shared by the readers: tags, dates and yes/no flags as export files write them. */
final class ImportFields {
  private static final Pattern SEPARATOR =
      Pattern.compile("[\\s,]+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern WHITESPACE =
      Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  /** Apache log style, as some Shaarli exports write ADD_DATE. */
  private static final DateTimeFormatter LOG_DATE =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

  private ImportFields() {}

  /** Splits tag text on whitespace and commas, dropping empty pieces. */
  static List<String> splitTags(String text) {
    List<String> tags = new ArrayList<>();
    if (text != null) {
      for (String part : SEPARATOR.split(text.strip())) {
        if (!part.isEmpty()) {
          tags.add(part);
        }
      }
    }
    return tags;
  }

  /** Tags as a file gives them, and those of them it wrote with spaces inside, as written. */
  record Tags(List<String> tags, List<String> joined) {}

  /**
   * Splits tag text on commas only, as Delicious, Pinboard's HTML and Firefox write tags: a piece
   * with spaces inside is one tag ({@code digital humanities}), which Cairn's tags cannot hold, so
   * its whitespace runs are joined by {@code _}. {@code repair} is applied to each piece first.
   */
  static Tags splitOnCommas(String text, UnaryOperator<String> repair) {
    return each(text == null ? List.of() : Arrays.asList(text.split(",")), repair);
  }

  /**
   * Each piece as one tag (a JSON array of tags), joined by {@code _} like {@link #splitOnCommas}.
   */
  static Tags each(List<String> pieces, UnaryOperator<String> repair) {
    Set<String> tags = new LinkedHashSet<>();
    List<String> joined = new ArrayList<>();
    for (String piece : pieces) {
      String tag = repair.apply(piece).strip();
      if (tag.isEmpty()) {
        continue;
      }
      String together = joinWords(tag);
      tags.add(together);
      if (!together.equals(tag) && !joined.contains(tag)) {
        joined.add(tag);
      }
    }
    return new Tags(List.copyOf(tags), joined);
  }

  /** The tag with each of its whitespace runs replaced by {@code _}. */
  static String joinWords(String tag) {
    return WHITESPACE.matcher(tag).replaceAll("_");
  }

  /**
   * A folder name as one valid tag: whitespace runs and commas become {@code _}, control characters
   * and leading {@code -} (exclusion in filters) go, and it is cut to 255 characters; a name with
   * nothing left gives null. A folder is not the user's typing, so it is made to fit rather than
   * refused.
   */
  static String folderTag(String name) {
    String cleaned = WHITESPACE.matcher(name.replace(',', ' ').strip()).replaceAll("_");
    cleaned = CONTROL.matcher(cleaned).replaceAll("").replaceFirst("^-+", "");
    if (cleaned.codePointCount(0, cleaned.length()) > TagName.MAX_LENGTH) {
      cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, TagName.MAX_LENGTH));
    }
    try {
      return TagName.of(cleaned).name();
    } catch (InvalidInputException e) {
      return null;
    }
  }

  /**
   * Reads an epoch number whose unit is guessed from its size: below 1e11 seconds, below 1e14
   * milliseconds, else microseconds (Google Bookmarks, Firefox JSON). Zero, negatives and text that
   * is not a number give null.
   */
  static Instant epoch(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    long value;
    try {
      value = Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return logDate(text.strip());
    }
    if (value <= 0) {
      return null;
    }
    if (value < 100_000_000_000L) {
      return Instant.ofEpochSecond(value);
    }
    if (value < 100_000_000_000_000L) {
      return Instant.ofEpochMilli(value);
    }
    return Instant.ofEpochSecond(value / 1_000_000, (value % 1_000_000) * 1_000);
  }

  /** Reads an ISO-8601 date-time, or an epoch number, as the JSON and XML exports write them. */
  static Instant isoOrEpoch(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeException e) {
      return epoch(text);
    }
  }

  /** True for the ways exports say yes: {@code yes}, {@code 1}, {@code true}. */
  static boolean yes(String text) {
    if (text == null) {
      return false;
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    return t.equals("yes") || t.equals("1") || t.equals("true");
  }

  private static Instant logDate(String text) {
    try {
      return ZonedDateTime.parse(text, LOG_DATE).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }
}
