package cairn.exchange;

import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.db.schema.Tables.CHANGES;
import static cairn.db.schema.Tables.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkDraft;
import cairn.bookmark.BookmarkQueries;
import cairn.bookmark.BookmarkService;
import cairn.bookmark.UrlKey;
import cairn.browse.ListingService;
import cairn.exchange.ImportReport.Skipped;
import cairn.input.InvalidInputException;
import cairn.query.Listing;
import cairn.support.GeneratedBookmarks;
import cairn.support.Sql;
import cairn.support.TestStore;
import cairn.tag.TagList;
import cairn.user.UserService;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** Importing hand-written and generated files into a real store: report, rules, batches. */
@MicronautTest(transactional = false, startApplication = false)
class ImportServiceTest implements TestPropertyProvider {
  @Inject ImportService imports;
  @Inject BookmarkService bookmarks;
  @Inject BookmarkQueries queries;
  @Inject ListingService listings;
  @Inject UserService users;
  @Inject Sql sql;

  @Override
  public Map<String, String> getProperties() {
    return TestStore.properties();
  }

  private long newUser() {
    return users.create(TestStore.uniqueName("imp"), "password-i").user().id();
  }

  private ImportReport importResource(long user, String name, ImportOptions options)
      throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/exchange/" + name)) {
      return imports.importFile(user, in, name, options, ImportProgress.NONE);
    }
  }

  private ImportReport importText(long user, String text) throws IOException {
    return imports.importFile(
        user,
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        "text",
        ImportOptions.DEFAULTS,
        ImportProgress.NONE);
  }

  private Bookmark saved(long user, String url) {
    long id = queries.findIdByUrl(user, UrlKey.of(url)).orElseThrow();
    return queries.find(id).orElseThrow();
  }

  @Test
  void theReportCountsEveryEntryAndNamesSkippedOnesByPositionLineAndRule() throws IOException {
    ImportReport report = importResource(newUser(), "import/core.html", ImportOptions.DEFAULTS);
    assertEquals(BookmarkFormat.NETSCAPE, report.format());
    assertEquals(7, report.read());
    assertEquals(4, report.imported());
    assertEquals(1, report.merged());
    assertEquals(0, report.unchanged());
    assertEquals(2, report.skippedCount());
    Skipped scheme = report.skipped().get(0);
    assertEquals(2, scheme.position());
    assertEquals(8, scheme.line());
    assertEquals("url", scheme.field());
    assertTrue(scheme.reason().contains("'javascript:' is not allowed"), scheme.reason());
    Skipped none = report.skipped().get(1);
    assertEquals(3, none.position());
    assertEquals("", none.url());
    assertTrue(none.reason().contains("required"), none.reason());
    assertNull(report.error());
  }

  @Test
  void entriesKeepTheirFieldsDatesFoldersAndQuotes() throws IOException {
    long user = newUser();
    Instant before = Instant.now();
    importResource(user, "import/core.html", ImportOptions.DEFAULTS);
    Bookmark dash = saved(user, "https://dash.example/");
    assertEquals(List.of("leading", "ok"), dash.tags(), "leading dashes dropped");
    assertEquals(Instant.ofEpochSecond(1_600_000_000L), dash.created(), "milliseconds");
    Bookmark work = saved(user, "https://work.example/");
    assertEquals(Instant.ofEpochSecond(1_600_000_000L), work.created(), "microseconds");
    assertEquals(List.of("Work_stuff"), work.tags());
    assertEquals("Notes", work.notes());
    assertEquals(
        List.of("first quote", "second\nquote"),
        work.quotes().stream().map(Bookmark.Quote::text).toList());
    Bookmark ftp = saved(user, "ftp://files.example/pub/");
    assertEquals(List.of(".private-tag"), ftp.tags());
    assertFalse(ftp.created().isBefore(before.minusSeconds(1)), "no date: the time of import");
  }

  @Test
  void aUrlTwiceInOneFileIsMergedKeepingTheFirstFieldsTheOlderDateAndAllTags() throws IOException {
    long user = newUser();
    importResource(user, "import/core.html", ImportOptions.DEFAULTS);
    Bookmark raft = saved(user, "https://paper.example/raft");
    assertEquals("https://paper.example/raft", raft.url());
    assertEquals("In Search of an Understandable Consensus Algorithm", raft.title());
    assertEquals("Read with the TLA+ spec.", raft.notes());
    assertEquals(List.of("distcomp", "papers", "raft"), raft.tags());
    assertEquals(Instant.ofEpochSecond(1_400_000_000L), raft.created());
    assertFalse(raft.shared());
    assertTrue(raft.toread());
  }

  @Test
  void aUrlTheUserHasIsMergedByTheDocumentedRule() throws IOException {
    long user = newUser();
    Instant newer = Instant.parse("2020-01-01T00:00:00Z");
    bookmarks.create(
        user,
        new BookmarkDraft(
            "https://merge.example/a",
            "Mine",
            "",
            List.of("kept quote"),
            TagList.parse("mine shared"),
            true,
            false,
            newer),
        false);
    String file =
        "[{\"href\":\"https://MERGE.example/a\",\"description\":\"Theirs\",\"extended\":\"Their"
            + " notes\\n\\n> kept quote\\n\\n> new quote\",\"quotes\":[\"kept quote\",\"new"
            + " quote\"],\"time\":\"2010-05-05T10:00:00Z\",\"shared\":\"no\",\"toread\":\"yes\","
            + "\"tags\":\"Shared theirs\"}]";
    ImportReport report = importText(user, file);
    assertEquals(1, report.merged());
    Bookmark merged = saved(user, "https://merge.example/a");
    assertEquals("https://merge.example/a", merged.url(), "the URL as first saved");
    assertEquals("Mine", merged.title(), "a title is kept");
    assertEquals("Their notes", merged.notes(), "empty notes are filled");
    assertEquals(List.of("mine", "shared", "theirs"), merged.tags(), "union, first spelling");
    assertEquals(
        List.of("kept quote", "new quote"),
        merged.quotes().stream().map(Bookmark.Quote::text).toList());
    assertEquals(Instant.parse("2010-05-05T10:00:00Z"), merged.created(), "the older date");
    assertTrue(merged.shared(), "privacy stays");
    assertFalse(merged.toread(), "unread stays");
  }

  @Test
  void importingTheSameFileTwiceChangesNothingAndWritesNoJournalRows() throws IOException {
    long user = newUser();
    importResource(user, "import/core.html", ImportOptions.DEFAULTS);
    var counts = TestStore.Counts.of(sql);
    long stamp = changedAt(user);
    ImportReport again = importResource(user, "import/core.html", ImportOptions.DEFAULTS);
    assertEquals(0, again.imported());
    assertEquals(0, again.merged());
    assertEquals(5, again.unchanged());
    assertEquals(2, again.skippedCount());
    assertEquals(counts, TestStore.Counts.of(sql));
    assertEquals(stamp, changedAt(user), "the user's last-change time stays");
  }

  private long changedAt(long user) {
    return sql.read(
        db ->
            db.select(USERS.BOOKMARKS_CHANGED_AT)
                .from(USERS)
                .where(USERS.ID.eq(user))
                .fetchOne(USERS.BOOKMARKS_CHANGED_AT));
  }

  @Test
  void optionsMakeEverythingPrivateAddTagsAndLeaveFoldersOut() throws IOException {
    long user = newUser();
    var options = ImportOptions.of(null, true, List.of("imported", "from-browser,.mine"), false);
    importResource(user, "import/core.html", options);
    Bookmark work = saved(user, "https://work.example/");
    assertEquals(List.of("imported", "from-browser", ".mine"), work.tags());
    assertFalse(work.shared());
    assertFalse(saved(user, "https://dash.example/").shared());
  }

  @Test
  void theReportCountsTagsWithSpacesKeptAsOneAndShowsThem() throws IOException {
    long user = newUser();
    ImportReport report = importResource(user, "nested.html", ImportOptions.DEFAULTS);
    assertEquals(1, report.joinedTags());
    assertEquals(
        List.of(new ImportReport.JoinedTag("beta gamma", "beta_gamma")), report.joinedExamples());
    assertTrue(saved(user, "https://outer.example/").tags().contains("beta_gamma"));
  }

  @Test
  void theSplitOptionSavesTheWordsOfATagWithSpacesAsTagsOfTheirOwn() throws IOException {
    long user = newUser();
    var options = ImportOptions.of(null, false, List.of(), false, true);
    ImportReport report = importResource(user, "nested.html", options);
    assertEquals(0, report.joinedTags());
    assertEquals(List.of("alpha", "beta", "gamma"), saved(user, "https://outer.example/").tags());
  }

  @Test
  void aChromeProfileFileImportsWithFolderTagsAndSkipsItsBookmarkletWithTheReason()
      throws IOException {
    long user = newUser();
    ImportReport report = importResource(user, "chrome-bookmarks.json", ImportOptions.DEFAULTS);
    assertEquals(BookmarkFormat.CHROME_JSON, report.format());
    assertEquals(3, report.read());
    assertEquals(2, report.imported());
    assertEquals(1, report.skippedCount());
    Skipped bookmarklet = report.skipped().getFirst();
    assertEquals("javascript:alert(1)", bookmarklet.url());
    assertEquals("url", bookmarklet.field());
    assertEquals(List.of("Reading_list"), saved(user, "https://deep.example/").tags());
  }

  @Test
  void aFirefoxBackupImportsWithFolderTagsAndSkipsItsPlaceQueries() throws IOException {
    long user = newUser();
    ImportReport report = importResource(user, "firefox-bookmarks.json", ImportOptions.DEFAULTS);
    assertEquals(BookmarkFormat.FIREFOX_JSON, report.format());
    assertEquals(
        List.of(3L, 2L, 1L), List.of(report.read(), report.imported(), report.skippedCount()));
    assertTrue(report.skipped().getFirst().url().startsWith("place:"));
    Bookmark deep = saved(user, "https://deep.example/");
    assertEquals(List.of("digital_humanities", "web", "Work_stuff", "Deep_inner"), deep.tags());
    assertEquals(
        Instant.parse("2020-09-13T12:26:40Z"),
        deep.created().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  @Test
  void anExtraTagThatBreaksTheRulesIsRefusedNamingTheOption() {
    var e =
        assertThrows(
            InvalidInputException.class, () -> ImportOptions.of(null, false, List.of("-x"), true));
    assertEquals("tag", e.field());
  }

  @Test
  void aFileThatIsNotABookmarkFileIsRefusedWithNothingWritten() {
    long user = newUser();
    var counts = TestStore.Counts.of(sql);
    var e =
        assertThrows(
            InvalidInputException.class,
            () -> importResource(user, "not-bookmarks.txt", ImportOptions.DEFAULTS));
    assertEquals("file", e.field());
    assertTrue(e.rule().startsWith("is not a bookmark file"), e.rule());
    assertEquals(counts, TestStore.Counts.of(sql));
  }

  @Test
  void jsonBrokenBeforeItsFirstPostIsRefused() {
    long user = newUser();
    var e = assertThrows(InvalidInputException.class, () -> importText(user, "[{\"href\": 12"));
    assertEquals("file", e.field());
  }

  @Test
  void aFileThatBreaksOffKeepsTheEntriesBeforeAndSaysWhereItStopped() throws IOException {
    long user = newUser();
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < 1500; i++) {
      json.append(i == 0 ? "" : ",").append("{\"href\":\"https://cut.example/").append(i);
      json.append("\",\"description\":\"").append(i).append("\"}");
    }
    json.append(",{\"href\":\"https://cut.example/last\", \"descr");
    ImportReport report = importText(user, json.toString());
    assertEquals(1500, report.imported());
    assertNotNull(report.error());
    assertTrue(report.error().contains("after post 1500"), report.error());
    assertFalse(report.complete());
    assertEquals(1500, sql.count(BOOKMARKS, BOOKMARKS.USER_ID.eq(user)));
  }

  @Test
  void aLargeFileIsWrittenInBatchesWithOneJournalRowPerBookmarkAndListedAfterwards()
      throws IOException {
    long user = newUser();
    StringWriter html = new StringWriter();
    GeneratedBookmarks.netscape(html, 2500, 7);
    // a bad entry in every batch must not take its batch down
    String text = withBadEntries(html.toString(), List.of(10, 1200, 2400));
    long journalBefore = sql.count(CHANGES, DSL.noCondition());
    ImportReport report = importText(user, text);
    assertEquals(2500, report.read());
    assertEquals(3, report.skippedCount());
    assertEquals(2497, report.imported());
    assertEquals(2497, sql.count(CHANGES, DSL.noCondition()) - journalBefore);
    var page = listings.list(Listing.of(user, user));
    assertEquals(2497, page.total(), "the index has caught up");
  }

  @Test
  void anEntryTheStoreRefusesIsSkippedAndTheRestOfItsBatchIsSaved() throws IOException {
    long user = newUser();
    sql.run(
        db ->
            db.execute(
                "CREATE TRIGGER fail_import_quote BEFORE INSERT ON quotes WHEN NEW.text = 'boom'"
                    + " BEGIN SELECT RAISE(ABORT, 'injected failure'); END"));
    try {
      StringBuilder json = new StringBuilder("[");
      for (int i = 0; i < 5; i++) {
        json.append(i == 0 ? "" : ",").append("{\"href\":\"https://boom.example/").append(i);
        json.append("\",\"quotes\":[\"").append(i == 2 ? "boom" : "fine").append("\"]}");
      }
      long journal = sql.count(CHANGES, DSL.noCondition());
      ImportReport report = importText(user, json.append("]").toString());
      assertEquals(4, report.imported());
      assertEquals(1, report.skippedCount());
      assertEquals(3, report.skipped().getFirst().position());
      assertTrue(report.skipped().getFirst().reason().startsWith("could not be saved"));
      assertEquals(4, sql.count(BOOKMARKS, BOOKMARKS.USER_ID.eq(user)));
      assertEquals(4, sql.count(CHANGES, DSL.noCondition()) - journal);
    } finally {
      sql.run(db -> db.execute("DROP TRIGGER IF EXISTS fail_import_quote"));
    }
  }

  /** The file with the URLs of the entries at these (0-based) indexes made unsavable. */
  private static String withBadEntries(String html, List<Integer> indexes) {
    List<String> lines = new ArrayList<>(html.lines().toList());
    for (int index : indexes) {
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains("/page/" + index + "?")) {
          lines.set(i, lines.get(i).replace("HREF=\"https://", "HREF=\"javascript://"));
        }
      }
    }
    return String.join("\n", lines);
  }
}
