package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DatesTest {
  private final Instant now = Instant.parse("2026-11-22T12:00:00Z");
  private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);

  private String ago(Duration d) {
    return Dates.relative(now.minus(d), clock);
  }

  @Test
  void recentDatesAreRelativeAndOlderOnesAreMonthAndYear() {
    assertEquals("just now", ago(Duration.ofSeconds(20)));
    assertEquals("1 minute ago", ago(Duration.ofMinutes(1)));
    assertEquals("5 hours ago", ago(Duration.ofHours(5)));
    assertEquals("1 day ago", ago(Duration.ofHours(30)));
    assertEquals("14 days ago", ago(Duration.ofDays(14)));
    assertEquals("30 days ago", ago(Duration.ofDays(30)));
    assertEquals("october 2026", ago(Duration.ofDays(31)));
    assertEquals("july 2017", Dates.relative(Instant.parse("2017-07-03T00:00:00Z"), clock));
    assertEquals("2017-07-03 00:00 UTC", Dates.exact(Instant.parse("2017-07-03T00:00:00Z")));
  }
}
