package cairn.exchange;

import cairn.input.InvalidInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What the JSON readers share: how a broken file is reported, and microsecond dates. */
final class JsonFiles {
  private JsonFiles() {}

  /** The file broke off after the {@code done}-th {@code what} ("post", "entry"). */
  static InvalidInputException broken(String what, int done, JsonProcessingException e) {
    return new InvalidInputException(
        "file",
        "is not valid JSON after "
            + what
            + " "
            + done
            // a broken limit (nesting too deep) has no location
            + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")
            + ": "
            + e.getOriginalMessage());
  }

  /** Microseconds since {@code epoch} as an instant; 0, negatives and non-numbers give null. */
  static Instant micros(Instant epoch, String micros) {
    try {
      long value = Long.parseLong(micros.strip());
      return value <= 0 ? null : epoch.plus(value, ChronoUnit.MICROS);
    } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
      return null;
    }
  }
}
