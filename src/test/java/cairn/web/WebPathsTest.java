package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cairn.input.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebPathsTest {
  @Test
  void tagsWithReservedCharactersRoundTripThroughTheirSegments() {
    for (String tag :
        List.of("plain", "c/c++", "a?b#c", "100%", "café", "ケルン", "a+b", ".private")) {
      String path = WebPaths.listing("jm", new WebPaths.Filter(List.of(tag), List.of("x")));
      assertEquals(
          new WebPaths.Filter(List.of(tag), List.of("x")),
          WebPaths.parseFilter(path.substring("/u:jm".length())),
          path);
    }
  }

  @Test
  void everyonesListingWithoutTagsIsRecent() {
    assertEquals("/recent", WebPaths.listing(null, WebPaths.Filter.NONE));
    assertEquals(
        "/t:a/t:-b", WebPaths.listing(null, new WebPaths.Filter(List.of("a"), List.of("b"))));
  }

  @Test
  void aSegmentThatIsNotATagIsRefusedNamingThePath() {
    var e = assertThrows(InvalidInputException.class, () -> WebPaths.parseFilter("/t:a/tags"));
    assertEquals("path", e.field());
  }

  @Test
  void onlyLocalPathsAreFollowedAfterAForm() {
    assertEquals("/u:jm", Forms.localPath("/u:jm", "/"));
    assertEquals("/", Forms.localPath("//evil.example/x", "/"));
    assertEquals("/", Forms.localPath("https://evil.example/", "/"));
    assertEquals("/", Forms.localPath("/\\evil.example", "/"));
  }
}
