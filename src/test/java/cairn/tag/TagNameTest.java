package cairn.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.input.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TagNameTest {

  @Test
  void keyIsLowerCasedButNameKeepsTheCaseAsWritten() {
    TagName tag = TagName.of("DistComp");
    assertEquals("DistComp", tag.name());
    assertEquals("distcomp", tag.key());
  }

  @Test
  void keyIsNfcSoComposedAndDecomposedAccentsMatch() {
    TagName composed = TagName.of("caf\u00e9");
    TagName decomposed = TagName.of("cafe\u0301");
    assertEquals(composed.key(), decomposed.key());
    assertEquals("caf\u00e9", decomposed.name());
  }

  @Test
  void keyUsesTheRootLocaleNotTheTurkishOne() {
    assertEquals("title", TagName.of("TITLE").key());
  }

  @Test
  void leadingDotMakesATagPrivate() {
    assertTrue(TagName.of(".later").isPrivate());
    assertFalse(TagName.of("later.").isPrivate());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a,b", "a b", "a\tb", "a\u00a0b", "a\u3000b"})
  void whitespaceAndCommasAreRejectedInsideOneTag(String raw) {
    var e = assertThrows(InvalidInputException.class, () -> TagName.of(raw));
    assertEquals("tags", e.field());
    assertTrue(e.rule().contains("whitespace or commas"), e.rule());
  }

  @Test
  void leadingDashIsRejectedBecauseItMeansExclusion() {
    var e = assertThrows(InvalidInputException.class, () -> TagName.of("-papers"));
    assertTrue(e.rule().contains("must not start with '-'"), e.rule());
  }

  @Test
  void aLoneDotIsRejected() {
    assertThrows(InvalidInputException.class, () -> TagName.of("."));
  }

  @Test
  void controlCharactersAreRejected() {
    assertThrows(InvalidInputException.class, () -> TagName.of("a\u0007b"));
  }

  @Test
  void twoHundredFiftyFiveCharactersAreAllowedAndOneMoreIsNot() {
    assertEquals(255, TagName.of("x".repeat(255)).name().length());
    var e = assertThrows(InvalidInputException.class, () -> TagName.of("x".repeat(256)));
    assertTrue(e.rule().contains("at most 255 characters; got 256"), e.rule());
  }

  @Test
  void lengthCountsCharactersNotUtf16Units() {
    String emoji = "\uD83E\uDEA8"; // one code point, two chars
    assertEquals(255, TagName.of(emoji.repeat(255)).name().codePointCount(0, 510));
  }
}
