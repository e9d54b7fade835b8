package cairn.bookmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class PinboardHashTest {

  @Test
  void isTheMd5OfTheUrlAsSavedInLowerCaseHex() {
    assertEquals("f647277f54d87fea81a1d88fc26d56c2", PinboardHash.of("http://pinboard.in/"));
  }

  @Test
  void hashesTheUrlAsSavedNotItsNormalizedForm() {
    assertNotEquals(PinboardHash.of("http://Example.com/"), PinboardHash.of("http://example.com/"));
  }

  @Test
  void encodesTheUrlAsUtf8() {
    assertEquals("c03410a5204b21cd8229ff754688d743", PinboardHash.of("\u00fc"));
  }
}
