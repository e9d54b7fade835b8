package cairn.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Netscape reader on small hand-written files, one per case real exports throw at it. */
class NetscapeReaderTest {
  static List<ImportEntry> read(String resource, boolean foldersAsTags) throws IOException {
    try (InputStream in = NetscapeReaderTest.class.getResourceAsStream("/exchange/" + resource)) {
      return new NetscapeReader(foldersAsTags).readAll(in);
    }
  }

  @Test
  void nestedFolderNamesBecomeTagsAfterTheEntrysOwnTags() throws IOException {
    List<ImportEntry> entries = read("nested.html", true);
    assertEquals(List.of("alpha", "beta_gamma", "Reading_list"), entries.get(1).tags(), "outer");
    assertEquals(List.of("Reading_list", "Deep_inner"), entries.get(2).tags(), "inner");
    assertEquals(List.of("Reading_list"), entries.get(3).tags(), "after the inner folder closed");
    assertEquals(List.of(), entries.get(5).tags(), "top level again");
  }

  @Test
  void browserContainerFoldersLikeTheBookmarksBarAreNotTags() throws IOException {
    ImportEntry toolbar = read("nested.html", true).getFirst();
    assertEquals("https://toolbar.example/", toolbar.url());
    assertEquals(List.of(), toolbar.tags());
  }

  @Test
  void foldersAreNotTagsWhenTurnedOff() throws IOException {
    List<ImportEntry> entries = read("nested.html", false);
    assertEquals(List.of("alpha", "beta_gamma"), entries.get(1).tags());
    assertEquals(List.of(), entries.get(2).tags());
  }

  @Test
  void aTagWithSpacesInACommaSeparatedListStaysOneTagJoinedByUnderscores() throws IOException {
    ImportEntry outer = read("nested.html", false).get(1);
    assertEquals(List.of("alpha", "beta_gamma"), outer.tags());
    assertEquals(List.of("beta gamma"), outer.joinedTags());
  }

  @Test
  void theSplitOptionSplitsTagsWithSpacesAsBefore() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/exchange/nested.html")) {
      ImportEntry outer = new NetscapeReader(false, true).readAll(in).get(1);
      assertEquals(List.of("alpha", "beta", "gamma"), outer.tags());
      assertEquals(List.of(), outer.joinedTags());
    }
  }

  @Test
  void paragraphsInADdStayParagraphsAndItsBlockquotesBecomeQuotes() throws IOException {
    String html =
        "<DL><DT><A HREF=\"https://a.example/\">A</A>"
            + "<DD><p>One.</p>\n<p>Two &amp; <b>more</b>.</p><blockquote><p>Q1</p><p>Q2</p>"
            + "</blockquote>After.\n<DT><A HREF=\"https://b.example/\">B</A></DL>";
    ImportEntry a = new NetscapeReader().readAll(bytes(html)).getFirst();
    assertEquals("One.\n\nTwo & more.\n\nAfter.", a.notes());
    assertEquals(List.of("Q1\n\nQ2"), a.quotes());
  }

  @Test
  void aFileWithoutCommasInItsTagsSeparatesThemBySpaces() throws IOException {
    String html =
        "<DL><DT><A HREF=\"https://a.example/\" TAGS=\"private secret\">A</A>"
            + "<DT><A HREF=\"https://b.example/\" TAGS=\"one\">B</A></DL>";
    List<ImportEntry> entries = new NetscapeReader().readAll(bytes(html));
    assertEquals(List.of("private", "secret"), entries.get(0).tags());
    assertEquals(List.of("one"), entries.get(1).tags());
  }

  @Test
  void anEntryHeldUntilALaterCommaDecidesKeepsItsPlaceAndItsMultiWordTag() throws IOException {
    String html =
        "<DL><DT><A HREF=\"https://a.example/\" TAGS=\"digital humanities\">A</A>"
            + "<DT><A HREF=\"https://b.example/\" TAGS=\"\">B</A>"
            + "<DT><A HREF=\"https://c.example/\" TAGS=\"x,topic modelling\">C</A></DL>";
    List<ImportEntry> entries = new NetscapeReader().readAll(bytes(html));
    assertEquals(
        List.of("https://a.example/", "https://b.example/", "https://c.example/"),
        entries.stream().map(ImportEntry::url).toList());
    assertEquals(List.of(1, 2, 3), entries.stream().map(ImportEntry::position).toList());
    assertEquals(List.of("digital_humanities"), entries.get(0).tags());
    assertEquals(List.of("x", "topic_modelling"), entries.get(2).tags());
  }

  @Test
  void notesComeFromTheDdAfterTheLinkWithLineBreaksKept() throws IOException {
    List<ImportEntry> entries = read("nested.html", true);
    assertEquals("First line\nsecond line\n\nafter a blank line", entries.get(1).notes());
    assertEquals("Inner notes with a link", entries.get(2).notes());
    assertTrue(entries.stream().noneMatch(e -> e.notes().contains("folder description")));
  }

  @Test
  void aLinkInsideNotesIsNotAnEntry() throws IOException {
    assertTrue(
        read("nested.html", true).stream().noneMatch(e -> e.url().contains("link.in.notes")));
  }

  @Test
  void addDateIsReadAsSecondsMillisecondsOrMicrosecondsByItsSize() throws IOException {
    List<ImportEntry> entries = read("nested.html", true);
    assertEquals(Instant.ofEpochSecond(1_700_000_000L), entries.get(0).created());
    assertEquals(Instant.ofEpochSecond(1_600_000_000L), entries.get(1).created());
    assertEquals(Instant.ofEpochSecond(1_500_000_000L), entries.get(2).created());
  }

  @Test
  void lastModifiedStandsInOnlyWhenAddDateIsMissingAndZeroMeansNoDate() throws IOException {
    List<ImportEntry> entries = read("nested.html", true);
    assertEquals(Instant.ofEpochSecond(1_400_000_000L), entries.get(3).created());
    assertNull(entries.get(5).created());
  }

  @Test
  void privateAndToreadFlagsAreRead() throws IOException {
    List<ImportEntry> entries = read("nested.html", true);
    assertTrue(entries.get(1).toread());
    assertTrue(entries.get(1).shared());
    assertFalse(entries.get(2).shared());
    assertFalse(entries.get(2).toread());
    assertTrue(entries.get(5).shared(), "PRIVATE=\"0\"");
  }

  @Test
  void anEntryWithoutHrefIsReturnedWithAnEmptyUrlAtItsPosition() throws IOException {
    List<ImportEntry> entries = read("nested.html", true);
    assertEquals(6, entries.size());
    ImportEntry missing = entries.get(4);
    assertEquals(5, missing.position());
    assertEquals("", missing.url());
    assertEquals("No address", missing.title());
    assertEquals(6, entries.get(5).position());
  }

  @Test
  void aFileWithoutDoctypeOrListAndWithJunkAfterItStillGivesItsEntries() throws IOException {
    List<ImportEntry> entries = read("loose.html", true);
    assertEquals(2, entries.size());
    assertEquals("https://one.example/", entries.get(0).url());
    assertEquals("notes of one", entries.get(0).notes());
    assertEquals(List.of("x"), entries.get(1).tags());
    assertEquals("", entries.get(1).notes());
  }

  @Test
  void aByteOrderMarkIsDroppedAndTheRestReadAsUtf8() throws IOException {
    ImportEntry entry = read("bom.html", true).getFirst();
    assertEquals("https://bom.example/", entry.url());
    assertEquals("Café with a BOM", entry.title());
  }

  @Test
  void bytesThatAreNotUtf8AreReadAsWindows1252() throws IOException {
    ImportEntry entry = read("windows-1252.html", true).getFirst();
    assertEquals("Café “quoted”", entry.title());
    assertEquals(List.of("résumé"), entry.tags());
  }

  @Test
  void utf8EncodedTwiceIsRepaired() throws IOException {
    assertEquals("Das Web als Wörterbuch", read("double-encoded.html", true).getFirst().title());
  }

  @Test
  void anEmptyFileHasNoEntries() throws IOException {
    assertEquals(List.of(), new NetscapeReader().readAll(new ByteArrayInputStream(new byte[0])));
  }

  @Test
  void scuttleNotesInADescriptionAttributeAreRead() throws IOException {
    String html =
        "<DL><DT><a href=\"https://s.example/\" description=\"said &quot;hi&quot;\">S</a></DL>";
    ImportEntry entry =
        new NetscapeReader()
            .readAll(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)))
            .getFirst();
    assertEquals("said \"hi\"", entry.notes());
  }

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
