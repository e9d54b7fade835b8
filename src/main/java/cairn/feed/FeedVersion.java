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
 * Last-Modified} time in whole seconds, as HTTP dates have.
 *
 * @param etag the strong entity tag, quoted
 * @param lastModified when the feed's content last changed, to the second
 * @param settled true once that second is over: only then is {@code Last-Modified} sent or {@code
 *     If-Modified-Since} honoured, since another change within the same second would carry the same
 *     date (RFC 9110's weak validator) and a reader asking with it would hear "no change"
 */
public record FeedVersion(String etag, Instant lastModified, boolean settled) {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  /**
   * The version of {@code xml}, whose content last changed at {@code updated}, as of {@code now}.
   */
  public static FeedVersion of(String xml, Instant updated, Instant now) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(xml.getBytes(StandardCharsets.UTF_8));
      String tag = '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
      Instant second = updated.truncatedTo(ChronoUnit.SECONDS);
      return new FeedVersion(tag, second, second.isBefore(now.truncatedTo(ChronoUnit.SECONDS)));
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
   * counts as absent, and so does any date before the last change's second is over.
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
      return settled && !lastModified.isAfter(since);
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
