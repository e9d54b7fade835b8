package cairn.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.input.InvalidInputException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TagListTest {

  @Test
  void textIsSplitOnWhitespaceAndCommas() {
    assertEquals(
        List.of("distcomp", "papers", "to-read", "x"),
        TagList.parse("  distcomp, papers\tto-read,,x\n").names());
  }

  @Test
  void duplicatesByKeyCollapseKeepingTheFirstSpelling() {
    assertEquals(List.of("Java", "jvm"), TagList.parse("Java jvm JAVA java").names());
  }

  @Test
  void emptyTextGivesNoTags() {
    assertEquals(List.of(), TagList.parse("  , ").names());
  }

  @Test
  void aHundredTagsAreAllowed() {
    assertEquals(100, TagList.of(numbered(100)).tags().size());
  }

  @Test
  void aHundredAndFirstDistinctTagIsRejected() {
    var e = assertThrows(InvalidInputException.class, () -> TagList.of(numbered(101)));
    assertEquals("tags", e.field());
    assertTrue(e.rule().contains("at most 100 tags; got 101"), e.rule());
  }

  @Test
  void repeatsDoNotCountTowardsTheLimit() {
    List<String> tags = new java.util.ArrayList<>(numbered(100));
    tags.addAll(numbered(100));
    assertEquals(100, TagList.of(tags).tags().size());
  }

  @Test
  void arrayElementsMustEachBeOneTag() {
    assertThrows(InvalidInputException.class, () -> TagList.of(List.of("ok", "not,ok")));
  }

  private static List<String> numbered(int n) {
    return IntStream.range(0, n).mapToObj(i -> "t" + i).toList();
  }
}
