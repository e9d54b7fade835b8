package cairn.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.input.InvalidInputException;
import cairn.support.SharedFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every real-world export under {@code ../shared/fixtures} is read without error, and what is read
 * matches counts taken from the file by plain text scans that share no code with the readers.
 */
class SharedFixturesTest {
  private static final Path FIXTURES = FixtureFacts.DIR;
  private static final Instant EARLIEST = Instant.parse("1995-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2030-01-01T00:00:00Z");

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
    SharedFixtures.require(file);
    List<ImportEntry> entries;
    try (InputStream in = Files.newInputStream(file)) {
      entries = new NetscapeReader().readAll(in);
    }
    assertEquals(6125, entries.size());
    assertEquals(753, entries.stream().filter(e -> !e.notes().isEmpty()).count(), "notes");
    assertEquals(1580, entries.stream().filter(e -> e.tags().isEmpty()).count(), "untagged");
    assertEquals(13, entries.stream().filter(e -> !e.shared()).count(), "private");
  }

  @Test
  void theLargestExportKeepsTagsWithSpacesAsTheReadmeCountsThem() throws IOException {
    Path file = FIXTURES.resolve("netscape/delicious-export__oconnoat__delicious.html");
    SharedFixtures.require(file);
    List<ImportEntry> entries;
    try (InputStream in = Files.newInputStream(file)) {
      entries = new NetscapeReader().readAll(in);
    }
    // the README's 20,632 counts pieces as written; 5 repeat a tag of the same entry once trimmed
    assertEquals(20_627, entries.stream().mapToLong(e -> e.tags().size()).sum(), "assignments");
    // and its 4,561 tags count " ubicomp" and "ubicomp" apart
    assertEquals(
        4_542, entries.stream().flatMap(e -> e.tags().stream()).distinct().count(), "tags");
    // 621 entries have a space in TAGS, 272 of them inside a tag rather than after a comma
    assertEquals(272, entries.stream().filter(e -> !e.joinedTags().isEmpty()).count(), "joined");
    assertEquals(346, entries.stream().mapToLong(e -> e.joinedTags().size()).sum(), "joined");
    // TAGS="digital humanities" alone: held until a comma shows how the file separates tags
    assertTrue(entries.stream().anyMatch(e -> e.tags().equals(List.of("digital_humanities"))));
    assertTrue(
        entries.stream()
            .anyMatch(
                e ->
                    e.tags()
                        .contains(
                            "Planning_and_information_foraging_theories_and_their_value_to_the_novice_technical_communicator")));
  }

  private static Stream<DynamicTest> fixtures(String folder) throws IOException {
    Path dir = FIXTURES.resolve(folder);
    SharedFixtures.require(dir);
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList().stream()
          .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }
  }

  private static void check(Path file) throws IOException {
    String name = file.getFileName().toString();
    byte[] bytes = Files.readAllBytes(file);
    byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, BookmarkFormat.HEAD_BYTES));
    if (FixtureFacts.REFUSED.contains(name)) {
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
    List<FixtureFacts.Fact> facts = FixtureFacts.of(format, bytes);
    assertEquals(facts.size(), entries.size(), name + ": entries");
    assertEquals(
        facts.stream().filter(FixtureFacts.Fact::isPrivate).count(),
        entries.stream().filter(e -> !e.shared()).count(),
        name + ": private");
    assertEquals(
        facts.stream().filter(FixtureFacts.Fact::toread).count(),
        entries.stream().filter(ImportEntry::toread).count(),
        name + ": toread");
    assertEquals(
        facts.stream().mapToLong(f -> f.tags().size()).sum(),
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
    Integer year = FixtureFacts.YEAR_OF_EVERY_ENTRY.get(name);
    if (year != null) {
      for (ImportEntry entry : entries) {
        assertEquals(
            Year.of(year), Year.from(entry.created().atZone(ZoneOffset.UTC)), name + " " + entry);
      }
    }
  }
}
