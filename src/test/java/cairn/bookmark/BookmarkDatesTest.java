package cairn.bookmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.input.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BookmarkDatesTest {

  @ParameterizedTest
  @CsvSource({
    "2017-07-01T12:00:00Z, 2017-07-01T12:00:00Z",
    "2017-07-01T12:00:00.250Z, 2017-07-01T12:00:00.250Z",
    "2017-07-01T14:00:00+02:00, 2017-07-01T12:00:00Z",
    "2017-07-01, 2017-07-01T00:00:00Z",
  })
  void acceptsIsoDateTimesWithZoneOrOffsetAndPlainDates(String text, String instant) {
    assertEquals(Instant.parse(instant), BookmarkDates.parse("created", text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"yesterday", "2017-07-01 12:00", "1499000000", "01/07/2017", "2017-13-01"})
  void rejectsAnythingElseNamingTheField(String text) {
    var e = assertThrows(InvalidInputException.class, () -> BookmarkDates.parse("created", text));
    assertEquals("created", e.field());
    assertTrue(e.rule().contains("ISO-8601"), e.rule());
  }

  @Test
  void rejectsDatesBefore1970AndMoreThanADayAfterNow() {
    assertThrows(
        InvalidInputException.class,
        () -> BookmarkDates.check("created", Instant.parse("1969-12-31T23:59:59Z")));
    Instant now = Instant.parse("2031-05-06T07:08:09Z");
    BookmarkDates.checkNotFuture("created", now.plusSeconds(86_400), now);
    BookmarkDates.checkNotFuture("created", null, now);
    var e =
        assertThrows(
            InvalidInputException.class,
            () -> BookmarkDates.checkNotFuture("created", now.plusSeconds(86_401), now));
    assertEquals("created", e.field());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+999999999-12-31T23:59:59Z",
        "-999999999-01-01T00:00:00Z",
        "+10000-01-01T00:00:00Z"
      })
  void yearsPastTheFourDigitRangeAreRefusedNamingTheField(String text) {
    var e = assertThrows(InvalidInputException.class, () -> BookmarkDates.parse("fromdt", text));
    assertEquals("fromdt", e.field());
  }
}
