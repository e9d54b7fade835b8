package cairn.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** The streaming Pinboard JSON and Delicious XML readers on small hand-written files. */
class JsonAndXmlReadersTest {
  private static List<ImportEntry> read(BookmarkReader reader, String resource) throws IOException {
    try (InputStream in =
        JsonAndXmlReadersTest.class.getResourceAsStream("/exchange/" + resource)) {
      return reader.readAll(in);
    }
  }

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void pinboardPostsAreReadWithTheirFlagsNotesAndSplitTags() throws IOException {
    ImportEntry a = read(new PinboardJsonReader(), "pinboard.json").getFirst();
    assertEquals("https://a.example/", a.url());
    assertEquals("A", a.title());
    assertEquals("line one\nline two", a.notes());
    assertEquals(List.of("one", "two", "three"), a.tags());
    assertFalse(a.shared());
    assertTrue(a.toread());
    assertEquals(Instant.parse("2016-10-31T15:57:56Z"), a.created());
  }

  @Test
  void blockquotesInPinboardNotesBecomeQuotesAndTheRestPlainTextWithItsParagraphs()
      throws IOException {
    ImportEntry e = read(new PinboardJsonReader(), "pinboard-blockquote.json").getFirst();
    assertEquals(
        List.of("The one passage that matters.", "A second passage,\n\nin two paragraphs."),
        e.quotes());
    assertEquals("Cut out and keep:\n\nWhy: it says it better than I could & shorter.", e.notes());
  }

  @Test
  void pinboardNotesWithoutBlockMarkupStayByteForByte() throws IOException {
    List<ImportEntry> entries = read(new PinboardJsonReader(), "pinboard-blockquote.json");
    assertEquals("a < b, and b > c; &amp; stays as typed\nsecond line", entries.get(1).notes());
    assertEquals("use <b>bold</b> sparingly", entries.get(2).notes(), "inline tags alone");
    assertEquals(List.of(), entries.get(1).quotes());
  }

  @Test
  void aBadPinboardPostDoesNotStopTheOthersAndKeepsItsPosition() throws IOException {
    List<ImportEntry> entries = read(new PinboardJsonReader(), "pinboard.json");
    assertEquals(4, entries.size());
    assertNull(entries.get(1).created(), "unreadable time");
    assertEquals(List.of(), entries.get(1).tags());
    assertEquals("", entries.get(2).url(), "not an object");
    assertEquals(3, entries.get(2).position());
    assertEquals("", entries.get(3).url(), "no href");
    assertEquals("no address", entries.get(3).title());
  }

  @Test
  void theDelicious2021JsonShapeIsReadByThePinboardReader() throws IOException {
    String json =
        "[{\"title\":\"T\",\"url\":\"https://d.example/\",\"description\":\"N\","
            + "\"tags\":[\"a b\",\"\",\"c\"],\"created\":\"1358531607\",\"private\":\"1\"}]";
    ImportEntry e = new PinboardJsonReader().readAll(bytes(json)).getFirst();
    assertEquals("https://d.example/", e.url());
    assertEquals("T", e.title());
    assertEquals("N", e.notes());
    assertEquals(List.of("a_b", "c"), e.tags(), "each array element is one tag");
    assertFalse(e.shared());
    assertEquals(Instant.ofEpochSecond(1358531607L), e.created());
  }

  @Test
  void jsonThatIsNotAnArrayOfPostsIsRefused() {
    var e =
        assertThrows(
            InvalidInputException.class, () -> new PinboardJsonReader().readAll(bytes("{}")));
    assertEquals("file", e.field());
  }

  @Test
  void truncatedJsonFailsNamingTheLastPostRead() {
    var e =
        assertThrows(
            InvalidInputException.class,
            () -> new PinboardJsonReader().readAll(bytes("[{\"href\":\"https://x/\"}, {\"hr")));
    assertTrue(e.rule().contains("after post 1"), e.rule());
  }

  @Test
  void deliciousPostsAreReadFromTheirAttributes() throws IOException {
    List<ImportEntry> entries = read(new DeliciousXmlReader(), "delicious.xml");
    assertEquals(3, entries.size());
    ImportEntry a = entries.getFirst();
    assertEquals("https://a.example/", a.url());
    assertEquals("A & more", a.title());
    assertEquals("notes of A", a.notes());
    assertEquals(List.of("one", "two"), a.tags());
    assertFalse(a.shared());
    assertTrue(a.toread());
    assertEquals(Instant.parse("2016-01-18T06:02:33Z"), a.created());
    assertTrue(entries.get(1).shared());
    assertEquals("", entries.get(2).url());
    assertEquals(3, entries.get(2).position());
  }

  @Test
  void xmlWithAnExternalEntityIsRefusedRatherThanFetched() {
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE posts [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<posts><post href=\"https://x.example/\" description=\"&x;\"/></posts>";
    assertThrows(InvalidInputException.class, () -> new DeliciousXmlReader().readAll(bytes(xml)));
  }
}
