package cairn.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.input.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Telling the three formats apart from a file's first bytes, and refusing everything else. */
class BookmarkFormatTest {
  private static BookmarkFormat detect(String text) {
    return BookmarkFormat.detect(text.getBytes(StandardCharsets.UTF_8), "f");
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = BookmarkFormatTest.class.getResourceAsStream("/exchange/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void eachFormatIsRecognisedByItsContentWhateverTheFileIsCalled() throws IOException {
    assertEquals(BookmarkFormat.NETSCAPE, BookmarkFormat.detect(resource("nested.html"), "x.json"));
    assertEquals(BookmarkFormat.NETSCAPE, BookmarkFormat.detect(resource("bom.html"), null));
    assertEquals(BookmarkFormat.NETSCAPE, BookmarkFormat.detect(resource("loose.html"), "x"));
    assertEquals(
        BookmarkFormat.PINBOARD_JSON, BookmarkFormat.detect(resource("pinboard.json"), "x.html"));
    assertEquals(
        BookmarkFormat.DELICIOUS_XML, BookmarkFormat.detect(resource("delicious.xml"), "x"));
  }

  @Test
  void anXmlPrologInFrontOfANetscapeListIsStillNetscape() {
    assertEquals(BookmarkFormat.NETSCAPE, detect("<?xml version=\"1.0\"?>\n<html><DL><DT><A"));
    assertEquals(BookmarkFormat.NETSCAPE, detect("<!doctype netscape-bookmark-file-1>"));
  }

  @Test
  void plainTextIsRefusedAsNotABookmarkFile() throws IOException {
    var e =
        assertThrows(
            InvalidInputException.class,
            () -> BookmarkFormat.detect(resource("not-bookmarks.txt"), "list.txt"));
    assertEquals("file", e.field());
    assertTrue(e.rule().startsWith("is not a bookmark file: 'list.txt'"), e.rule());
  }

  @Test
  void anImageIsRefusedAsBinary() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    var e = assertThrows(InvalidInputException.class, () -> BookmarkFormat.detect(png, "a.png"));
    assertTrue(e.rule().contains("binary"), e.rule());
  }

  @Test
  void anEmptyFileIsRefused() {
    var e = assertThrows(InvalidInputException.class, () -> detect(" \n"));
    assertTrue(e.rule().contains("empty"), e.rule());
  }

  @Test
  void chromeAndFirefoxBookmarkFilesAreRecognisedByTheirContent() {
    assertEquals(BookmarkFormat.CHROME_JSON, detect("{\"checksum\": \"f3\", \"roots\": {}}"));
    assertEquals(
        BookmarkFormat.FIREFOX_JSON,
        detect("{\"guid\":\"root________\",\"type\":\"text/x-moz-place-container\"}"));
  }

  @Test
  void otherJsonObjectsAreRefused() {
    var e = assertThrows(InvalidInputException.class, () -> detect("{\"posts\": []}"));
    assertTrue(e.rule().contains("neither a list of posts nor a Chrome or Firefox"), e.rule());
  }

  @Test
  void browserFormatsCanBeNamedForImportButNotForExport() {
    assertEquals(BookmarkFormat.CHROME_JSON, BookmarkFormat.forImport("format", "chrome-json"));
    assertEquals(BookmarkFormat.FIREFOX_JSON, BookmarkFormat.forImport("format", "Firefox-JSON"));
    assertThrows(InvalidInputException.class, () -> BookmarkFormat.named("format", "chrome-json"));
  }

  @Test
  void eachFormatHandsOutItsReader() {
    assertTrue(BookmarkFormat.NETSCAPE.reader(false) instanceof NetscapeReader);
    assertTrue(BookmarkFormat.PINBOARD_JSON.reader(true) instanceof PinboardJsonReader);
    assertTrue(BookmarkFormat.DELICIOUS_XML.reader(true) instanceof DeliciousXmlReader);
    assertTrue(BookmarkFormat.CHROME_JSON.reader(true) instanceof ChromeJsonReader);
    assertTrue(BookmarkFormat.FIREFOX_JSON.reader(true) instanceof FirefoxJsonReader);
  }
}
