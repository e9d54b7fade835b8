package cairn.feed;

import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What a feed reader compares to ask "anything new?": the {@code ETag} (a digest of the feed's
 * bytes, so it changes exactly when the feed does, deletions included) and the {@code
 * Last-Modified} time (whole seconds, as HTTP dates have).
 */
public record FeedVersion(String etag, Instant lastModified) {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  public static FeedVersion of(String xml, Instant updated) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(xml.getBytes(StandardCharsets.UTF_8));
      String tag = '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
      return new FeedVersion(tag, updated.truncatedTo(ChronoUnit.SECONDS));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** {@code Last-Modified} as an HTTP date: {@code Fri, 04 Dec 2026 16:31:05 GMT}. */
  public String lastModifiedHeader() {
    return HTTP_DATE.format(lastModified);
  }

  /**
   * True when the reader already has this version (answer 304). {@code If-None-Match} decides when
   * it is sent, as RFC 9110 says; {@code If-Modified-Since} only without it. An unreadable date
   * counts as absent.
   */
  public boolean notModified(@Nullable String ifNoneMatch, @Nullable String ifModifiedSince) {
    if (ifNoneMatch != null) {
      return matches(ifNoneMatch);
    }
    if (ifModifiedSince == null) {
      return false;
    }
    try {
      Instant since =
          ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
              .toInstant();
      return !lastModified.isAfter(since);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Weak comparison over a list of tags, or {@code *}. */
  private boolean matches(String ifNoneMatch) {
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*")) {
        return true;
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
