package cairn.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cairn.input.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every real-world export under {@code ../shared/fixtures} is read without error, and what is read
 * matches counts taken from the file by plain text scans that share no code with the readers.
 */
class SharedFixturesTest {
  private static final Path FIXTURES =
      Path.of(System.getProperty("cairn.shared.dir", "../shared")).resolve("fixtures");
  private static final Instant EARLIEST = Instant.parse("1995-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2030-01-01T00:00:00Z");

  /** Files that are not one of the three formats, and must be refused rather than misread. */
  private static final Set<String> REFUSED =
      Set.of("nbp__empty.htm", "wallabag__chrome-bookmarks", "wallabag__firefox-bookmarks.json");

  /** Files whose dates are in milliseconds or microseconds, and the year they must land in. */
  private static final Map<String, Integer> YEAR_OF_EVERY_ENTRY =
      Map.of(
          "linkding__simple_valid_import_file.html", 2021,
          "nbp__google_bookmarks_nested.htm", 2018,
          "wallabag__delicious_export.2021.02.06_21.10.json", 2013);

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyNetscapeFixtureReadsAsManyEntriesAsItHasLinks() throws IOException {
    return fixtures("netscape");
  }

  @TestFactory
  Stream<DynamicTest> everyJsonAndXmlFixtureReadsAsManyEntriesAsItHasPosts() throws IOException {
    return fixtures("exports_json_xml");
  }

  @Test
  void theLargestExportGivesTheNotesUntaggedAndPrivateCountsItsReadmeStates() throws IOException {
    Path file = FIXTURES.resolve("netscape/delicious-export__oconnoat__delicious.html");
    assumeTrue(Files.isRegularFile(file), "shared fixture absent, skipping: " + file);
    List<ImportEntry> entries;
    try (InputStream in = Files.newInputStream(file)) {
      entries = new NetscapeReader().readAll(in);
    }
    // the README's 20,632 tag assignments split TAGS on commas only; Cairn also splits on spaces
    assertEquals(6125, entries.size());
    assertEquals(753, entries.stream().filter(e -> !e.notes().isEmpty()).count(), "notes");
    assertEquals(1580, entries.stream().filter(e -> e.tags().isEmpty()).count(), "untagged");
    assertEquals(13, entries.stream().filter(e -> !e.shared()).count(), "private");
  }

  private static Stream<DynamicTest> fixtures(String folder) throws IOException {
    Path dir = FIXTURES.resolve(folder);
    assumeTrue(Files.isDirectory(dir), "shared fixtures absent, skipping: " + dir.toAbsolutePath());
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList().stream()
          .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }
  }

  private static void check(Path file) throws IOException {
    String name = file.getFileName().toString();
    byte[] bytes = Files.readAllBytes(file);
    byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, BookmarkFormat.HEAD_BYTES));
    if (REFUSED.contains(name)) {
      var e = assertThrows(InvalidInputException.class, () -> BookmarkFormat.detect(head, name));
      assertEquals("file", e.field());
      assertTrue(e.rule().startsWith("is not a bookmark file: "), e.rule());
      return;
    }
    BookmarkFormat format = BookmarkFormat.detect(head, name);
    List<ImportEntry> entries;
    try (InputStream in = Files.newInputStream(file)) {
      entries = format.reader(true).readAll(in);
    }
    List<ImportEntry> withoutFolders;
    try (InputStream in = Files.newInputStream(file)) {
      withoutFolders = format.reader(false).readAll(in);
    }
    Expected expected =
        switch (format) {
          case NETSCAPE -> netscapeCounts(bytes);
          case PINBOARD_JSON -> jsonCounts(bytes);
          case DELICIOUS_XML -> xmlCounts(bytes);
        };
    assertEquals(expected.entries(), entries.size(), name + ": entries");
    assertEquals(
        expected.privates(), entries.stream().filter(e -> !e.shared()).count(), name + ": private");
    assertEquals(
        expected.toread(), entries.stream().filter(ImportEntry::toread).count(), name + ": toread");
    assertEquals(
        expected.tags(),
        withoutFolders.stream().mapToLong(e -> e.tags().size()).sum(),
        name + ": tag assignments");
    for (int i = 0; i < entries.size(); i++) {
      ImportEntry entry = entries.get(i);
      assertEquals(i + 1, entry.position(), name + ": positions count from 1");
      if (entry.created() != null) {
        assertTrue(
            entry.created().isAfter(EARLIEST) && entry.created().isBefore(LATEST),
            name + " #" + entry.position() + ": implausible date " + entry.created());
      }
    }
    Integer year = YEAR_OF_EVERY_ENTRY.get(name);
    if (year != null) {
      for (ImportEntry entry : entries) {
        assertEquals(
            Year.of(year), Year.from(entry.created().atZone(ZoneOffset.UTC)), name + " " + entry);
      }
    }
  }

  record Expected(long entries, long privates, long toread, long tags) {}

  private static final Pattern TAGS_ATTRIBUTE =
      Pattern.compile("\\stags=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG_ATTRIBUTE = Pattern.compile("\\stag=\"([^\"]*)\"");

  /** Tags in every attribute the pattern finds, split and de-duplicated per entry. */
  private static long tagCount(String text, Pattern attribute) {
    long count = 0;
    Matcher m = attribute.matcher(text);
    while (m.find()) {
      count += splitDistinct(m.group(1));
    }
    return count;
  }

  private static long splitDistinct(String tags) {
    return Arrays.stream(tags.split("[\\s,]+")).filter(t -> !t.isEmpty()).distinct().count();
  }

  private static Expected netscapeCounts(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    return new Expected(
        links(text),
        occurrences(text, "private=\"1\""),
        occurrences(text, "toread=\"1\""),
        tagCount(new String(bytes, StandardCharsets.UTF_8), TAGS_ATTRIBUTE));
  }

  private static Expected jsonCounts(byte[] bytes) throws IOException {
    JsonNode posts = JSON.readTree(bytes);
    long privates = 0;
    long toread = 0;
    long tags = 0;
    for (JsonNode post : posts) {
      JsonNode tagField = post.path("tags");
      StringBuilder all = new StringBuilder(tagField.isArray() ? "" : tagField.asText());
      tagField.forEach(t -> all.append(' ').append(t.asText()));
      tags += splitDistinct(all.toString());
      privates +=
          post.path("shared").asText().equals("no") || post.path("private").asText().equals("1")
              ? 1
              : 0;
      toread += post.path("toread").asText().equals("yes") ? 1 : 0;
    }
    return new Expected(posts.size(), privates, toread, tags);
  }

  private static Expected xmlCounts(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return new Expected(
        occurrences(text, "<post "),
        occurrences(text, "shared=\"no\""),
        occurrences(text, "toread=\"yes\""),
        tagCount(text, TAG_ATTRIBUTE));
  }

  /** Counts {@code <a} tags, leaving out links inside a {@code <DD>}: those are notes. */
  private static long links(String text) {
    long count = 0;
    boolean inNotes = false;
    for (int i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
      if (text.startsWith("<dd", i)) {
        inNotes = true;
      } else if (text.startsWith("<dt", i) || text.startsWith("<dl", i)) {
        inNotes = false;
      } else if ((text.startsWith("<a ", i) || text.startsWith("<a>", i)) && !inNotes) {
        count++;
      }
    }
    return count;
  }

  private static long occurrences(String text, String needle) {
    long count = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      count++;
    }
    return count;
  }
}
