package cairn.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.input.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Chrome and Firefox profile readers on small hand-written files shaped as the browsers. */
class BrowserJsonReadersTest {
  private static List<ImportEntry> read(BookmarkReader reader, String name) throws IOException {
    try (InputStream in = BrowserJsonReadersTest.class.getResourceAsStream("/exchange/" + name)) {
      return reader.readAll(in);
    }
  }

  @Test
  void chromeFoldersBecomeTagsThoughTheirNamesComeAfterTheirChildren() throws IOException {
    List<ImportEntry> entries = read(new ChromeJsonReader(true), "chrome-bookmarks.json");
    assertEquals(
        List.of("https://deep.example/", "javascript:alert(1)", "https://other.example/"),
        entries.stream().map(ImportEntry::url).toList());
    assertEquals(List.of(1, 2, 3), entries.stream().map(ImportEntry::position).toList());
    assertEquals(List.of("Reading_list"), entries.get(0).tags());
    assertEquals(List.of(), entries.get(1).tags(), "the bookmarks bar is no folder of the user's");
    assertEquals("Inside two folders", entries.get(0).title());
    assertTrue(entries.get(0).shared());
  }

  @Test
  void chromeDatesCountMicrosecondsSince1601() throws IOException {
    List<ImportEntry> entries = read(new ChromeJsonReader(true), "chrome-bookmarks.json");
    assertEquals(Instant.parse("2016-09-20T13:15:29.335823Z"), entries.get(0).created());
    assertEquals(Instant.parse("2021-12-10T18:03:16Z"), entries.get(2).created());
  }

  @Test
  void chromeFoldersAreNotTagsWhenTurnedOff() throws IOException {
    List<ImportEntry> entries = read(new ChromeJsonReader(false), "chrome-bookmarks.json");
    assertEquals(List.of(), entries.get(0).tags());
  }

  @Test
  void firefoxFoldersBecomeTagsAfterTheEntrysOwnAndItsDescriptionItsNotes() throws IOException {
    List<ImportEntry> entries = read(new FirefoxJsonReader(true, false), "firefox-bookmarks.json");
    assertEquals(
        List.of("https://deep.example/", "place:sort=8&maxResults=10", "https://toolbar.example/"),
        entries.stream().map(ImportEntry::url).toList(),
        "separators and the tags root are no entries");
    ImportEntry deep = entries.getFirst();
    assertEquals(List.of("digital_humanities", "web", "Work_stuff", "Deep_inner"), deep.tags());
    assertEquals(List.of("digital humanities"), deep.joinedTags());
    assertEquals("A description", deep.notes());
    assertEquals(List.of("Work_stuff"), entries.get(1).tags());
    assertEquals(List.of(), entries.get(2).tags(), "the toolbar is no folder of the user's");
  }

  @Test
  void firefoxDatesCountMicrosecondsSinceTheEpoch() throws IOException {
    List<ImportEntry> entries = read(new FirefoxJsonReader(true, false), "firefox-bookmarks.json");
    assertEquals(Instant.parse("2020-09-13T12:26:40.123456Z"), entries.get(0).created());
  }

  @Test
  void firefoxTagsWithSpacesAreSplitWhenAsked() throws IOException {
    List<ImportEntry> entries = read(new FirefoxJsonReader(false, true), "firefox-bookmarks.json");
    assertEquals(List.of("digital", "humanities", "web"), entries.getFirst().tags());
  }

  @Test
  void brokenBrowserJsonIsRefusedNamingWhereItBroke() {
    byte[] broken =
        "{\"roots\": {\"other\": {\"children\": [ {\"type\": \"url\""
            .getBytes(StandardCharsets.UTF_8);
    var e =
        assertThrows(
            InvalidInputException.class,
            () -> new ChromeJsonReader(true).readAll(new ByteArrayInputStream(broken)));
    assertEquals("file", e.field());
    assertTrue(e.rule().startsWith("is not valid JSON"), e.rule());
  }
}
