package cairn.exchange;

import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.db.schema.Tables.BOOKMARK_TAGS;
import static cairn.db.schema.Tables.CHANGES;
import static cairn.db.schema.Tables.TAGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cairn.bookmark.UrlKey;
import cairn.input.InvalidInputException;
import cairn.support.SharedFixtures;
import cairn.support.Sql;
import cairn.support.TestStore;
import cairn.tag.TagName;
import cairn.user.UserService;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every real-world export under {@code ../shared/fixtures} imports without error into a fresh
 * account, which then holds as many bookmarks, private and unread ones, tags and tag links as a
 * model built from {@link FixtureFacts} predicts; importing it again changes nothing.
 */
@MicronautTest(transactional = false, startApplication = false)
class SharedFixturesImportTest implements TestPropertyProvider {
  private static final ImportOptions NO_FOLDERS =
      new ImportOptions(null, false, cairn.tag.TagList.EMPTY, false);

  /** Folders only matter in browser exports, which are small; the large exports are flat. */
  private static final int FOLDER_CHECK_LIMIT = 300_000;

  @Inject ImportService imports;
  @Inject UserService users;
  @Inject Sql sql;

  @Override
  public Map<String, String> getProperties() {
    return TestStore.properties();
  }

  @TestFactory
  Stream<DynamicTest> everyNetscapeFixtureImportsAsTheFileSays() throws IOException {
    return tests("netscape");
  }

  @TestFactory
  Stream<DynamicTest> everyJsonAndXmlFixtureImportsAsTheFileSays() throws IOException {
    return tests("exports_json_xml");
  }

  private Stream<DynamicTest> tests(String folder) throws IOException {
    Path dir = FixtureFacts.DIR.resolve(folder);
    SharedFixtures.require(dir);
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList().stream()
          .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }
  }

  private void check(Path file) throws IOException {
    String name = file.getFileName().toString();
    byte[] bytes = Files.readAllBytes(file);
    long user = users.create(TestStore.uniqueName("fixture"), "password-f").user().id();
    if (FixtureFacts.REFUSED.contains(name)) {
      var e = assertThrows(InvalidInputException.class, () -> run(user, bytes, name, NO_FOLDERS));
      assertEquals("file", e.field());
      assertEquals(0, sql.count(BOOKMARKS, BOOKMARKS.USER_ID.eq(user)), "nothing written");
      return;
    }
    BookmarkFormat format =
        BookmarkFormat.detect(Arrays.copyOf(bytes, Math.min(bytes.length, 8192)), name);
    Model model = Model.of(FixtureFacts.of(format, bytes));
    ImportReport report = run(user, bytes, name, NO_FOLDERS);
    assertNull(report.error(), name);
    assertEquals(model.read, report.read(), name + ": entries read");
    assertEquals(model.skipped, report.skippedCount(), name + ": skipped " + report.skipped());
    assertEquals(model.stored(), stored(user), name + ": stored");
    checkYears(name, user);

    int journal = sql.count(CHANGES, org.jooq.impl.DSL.noCondition());
    ImportReport again = run(user, bytes, name, NO_FOLDERS);
    assertEquals(0, again.imported() + again.merged(), name + ": a second import changes nothing");
    assertEquals(model.read - model.skipped, again.unchanged(), name);
    assertEquals(journal, sql.count(CHANGES, org.jooq.impl.DSL.noCondition()), "no journal rows");
    assertEquals(model.stored(), stored(user), name + ": stored after the second import");

    if (format == BookmarkFormat.NETSCAPE && bytes.length < FOLDER_CHECK_LIMIT) {
      long withFolders = users.create(TestStore.uniqueName("folders"), "password-f").user().id();
      ImportReport folders = run(withFolders, bytes, name, ImportOptions.DEFAULTS);
      assertEquals(report.imported(), folders.imported(), name + ": with folders as tags");
    }
  }

  private ImportReport run(long user, byte[] bytes, String name, ImportOptions options)
      throws IOException {
    return imports.importFile(
        user, new ByteArrayInputStream(bytes), name, options, ImportProgress.NONE);
  }

  /** Bookmarks, private ones, unread ones, tag links and distinct tags of the user's store. */
  record Stored(int bookmarks, int privates, int toread, int tagLinks, int tags) {}

  private Stored stored(long user) {
    var mine = BOOKMARKS.USER_ID.eq(user);
    return new Stored(
        sql.count(BOOKMARKS, mine),
        sql.count(BOOKMARKS, mine.and(BOOKMARKS.SHARED.isFalse())),
        sql.count(BOOKMARKS, mine.and(BOOKMARKS.TOREAD.isTrue())),
        sql.read(
            db ->
                db.fetchCount(
                    BOOKMARK_TAGS.join(BOOKMARKS).on(BOOKMARKS.ID.eq(BOOKMARK_TAGS.BOOKMARK_ID)),
                    mine)),
        sql.count(TAGS, TAGS.USER_ID.eq(user)));
  }

  private void checkYears(String name, long user) {
    Integer year = FixtureFacts.YEAR_OF_EVERY_ENTRY.get(name);
    if (year == null) {
      return;
    }
    List<Long> dates =
        sql.read(
            db ->
                db.select(BOOKMARKS.CREATED_AT)
                    .from(BOOKMARKS)
                    .where(BOOKMARKS.USER_ID.eq(user))
                    .fetch(BOOKMARKS.CREATED_AT));
    for (long date : dates) {
      assertEquals(
          Year.of(year), Year.from(Instant.ofEpochMilli(date).atZone(ZoneOffset.UTC)), name);
    }
  }

  /**
   * What the store should hold after importing the facts: entries without a savable URL are
   * skipped, leading dashes leave tags, and entries for a URL already seen add their tags to the
   * first one, which keeps its flags.
   */
  record Model(long read, long skipped, Map<String, Entry> byUrl) {
    record Entry(boolean isPrivate, boolean toread, Set<String> tagKeys) {}

    static Model of(List<FixtureFacts.Fact> facts) {
      Map<String, Entry> byUrl = new LinkedHashMap<>();
      long skipped = 0;
      for (FixtureFacts.Fact fact : facts) {
        String key;
        try {
          key = UrlKey.of(fact.url()).value();
        } catch (InvalidInputException e) {
          skipped++;
          continue;
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : fact.tags()) {
          String kept = tag.replaceAll("^-+", "");
          if (!kept.isEmpty()) {
            tags.add(TagName.keyOf(kept));
          }
        }
        Entry first = byUrl.putIfAbsent(key, new Entry(fact.isPrivate(), fact.toread(), tags));
        if (first != null) {
          first.tagKeys().addAll(tags);
        }
      }
      return new Model(facts.size(), skipped, byUrl);
    }

    Stored stored() {
      Set<String> tags = new HashSet<>();
      byUrl.values().forEach(e -> tags.addAll(e.tagKeys()));
      return new Stored(
          byUrl.size(),
          (int) byUrl.values().stream().filter(Entry::isPrivate).count(),
          (int) byUrl.values().stream().filter(Entry::toread).count(),
          byUrl.values().stream().mapToInt(e -> e.tagKeys().size()).sum(),
          tags.size());
    }
  }
}
