package cairn.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TextLimitsTest {

  @Test
  void controlsThatXmlCannotCarryAreDroppedAndTabsAndLineBreaksKept() {
    assertEquals(
        "a\tb\nc\rdé😀",
        TextLimits.withoutControls("\u0000a\tb\u0001\n\u000bc\r\u001bd\ufffeé\uffff😀"));
  }

  @Test
  void loneSurrogatesAreDroppedAndPairsKept() {
    assertEquals("ab😀", TextLimits.withoutControls("a\ud800b\udfff😀"));
    assertEquals("😀", TextLimits.withoutControls("😀\ud83d"));
  }

  @Test
  void cleanTextIsReturnedAsItIs() {
    String text = "Plain text with ümlauts, 😀 and\nlines";
    assertSame(text, TextLimits.withoutControls(text));
  }

  @Test
  void aStorableTextIsCheckedAfterItIsCleaned() {
    assertEquals("title", TextLimits.storable("title", "\u0000title"));
  }
}
