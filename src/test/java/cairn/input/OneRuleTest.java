package cairn.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.tag.TagName;
import org.junit.jupiter.api.Test;

/**
 * The rules every surface shares, each written once: yes/no flags, page sizes, private tags and tag
 * equality.
 */
class OneRuleTest {
  @Test
  void flagsTakeEveryCommonSpellingAndNameTheFieldOtherwise() {
    for (String yes : new String[] {"yes", "YES", "true", "1", "on", " On "}) {
      assertEquals(Boolean.TRUE, Flags.parse("shared", yes), yes);
    }
    for (String no : new String[] {"no", "False", "0", "off"}) {
      assertEquals(Boolean.FALSE, Flags.parse("shared", no), no);
    }
    assertNull(Flags.parse("shared", null));
    assertNull(Flags.parse("shared", " "));
    assertTrue(Flags.parse("replace", null, true));
    assertFalse(Flags.parse("replace", "", false));
    var e = assertThrows(InvalidInputException.class, () -> Flags.parse("toread", "maybe"));
    assertEquals("toread", e.field());
    assertTrue(e.getMessage().contains("got 'maybe'"), e.getMessage());
  }

  @Test
  void pageSizesAreTheFiveChoicesWithTheFallbackWhenAbsent() {
    for (int size : PageSize.CHOICES) {
      assertEquals(size, PageSize.parse(Integer.toString(size), 20));
    }
    assertEquals(80, PageSize.parse(null, 80));
    assertEquals(80, PageSize.parse("", 80));
    for (String bad : new String[] {"33", "0", "-20", "twenty", "20.0"}) {
      var e = assertThrows(InvalidInputException.class, () -> PageSize.parse(bad, 20), bad);
      assertEquals("per_page", e.field());
      assertTrue(e.getMessage().contains("must be one of 20, 40, 80, 120, 160"), e.getMessage());
    }
    assertThrows(InvalidInputException.class, () -> PageSize.check(100));
  }

  @Test
  void aTagIsPrivateByItsDotAndTwoSpellingsAreOneTagByTheirKey() {
    assertTrue(TagName.isPrivate(".later"));
    assertFalse(TagName.isPrivate("later."));
    assertTrue(TagName.same("Java", "jAVA"));
    assertTrue(TagName.same("caf\u00e9", "CAFE\u0301"));
    assertFalse(TagName.same("cafe", "café"));
  }
}
