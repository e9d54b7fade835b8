package cairn.exchange;

import static cairn.db.schema.Tables.BOOKMARKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkDraft;
import cairn.bookmark.BookmarkQueries;
import cairn.bookmark.BookmarkService;
import cairn.support.GeneratedBookmarks;
import cairn.support.Sql;
import cairn.support.TestStore;
import cairn.tag.TagList;
import cairn.user.UserService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each export format, imported into a fresh account, gives back every bookmark with every field:
 * URL, title, notes, quotes, tags, privacy, unread and date (to the second, as the formats keep
 * it). The account mixes awkward hand-made bookmarks with 1,300 generated ones, and is exported in
 * small pages so that page boundaries fall among bookmarks of the same date.
 */
@MicronautTest(transactional = false, startApplication = false)
class ExportRoundTripTest implements TestPropertyProvider {
  private static final Instant SAME = Instant.parse("2019-02-03T04:05:06.789Z");

  @Inject ExportService exports;
  @Inject ImportService imports;
  @Inject BookmarkService bookmarks;
  @Inject BookmarkQueries queries;
  @Inject UserService users;
  @Inject Sql sql;

  long owner;
  String ownerName;
  long other;

  @Override
  public Map<String, String> getProperties() {
    return TestStore.properties();
  }

  @BeforeEach
  void account() throws IOException {
    if (owner != 0) {
      return;
    }
    ownerName = TestStore.uniqueName("exporter");
    owner = users.create(ownerName, "password-e").user().id();
    other = users.create(TestStore.uniqueName("other"), "password-o").user().id();
    save(
        owner,
        "https://example.com/search?q=a&b=<c>&d=\"e\"",
        "Tom & Jerry <3 \"quoted\" 'single'",
        "line one\n\n  indented <b>not markup</b> & more\tand a tab",
        List.of(),
        "Café .secret c++ a/b 日本",
        false,
        true,
        null);
    save(
        owner,
        "https://example.com/quotes",
        "",
        "",
        List.of("first quote", "a quote\nover > two lines & more"),
        "",
        true,
        false,
        null);
    save(
        owner,
        "https://example.com/notes-and-quotes",
        "Both",
        "notes end\n\n> like a quote",
        List.of("the real quote"),
        "q",
        true,
        true,
        null);
    save(
        owner,
        "https://example.com/quotes-that-look-like-markup",
        "Markup-like quotes",
        "Cut out and keep: a < b &amp; <i>c</i>",
        List.of("<blockquote>typed, not markup</blockquote> a < b", "two\n\nparagraphs"),
        "",
        true,
        false,
        null);
    save(
        owner,
        "ftp://files.example.com/pub/",
        "Emoji 🎉 title",
        "",
        List.of(),
        "",
        false,
        false,
        null);
    for (int i = 0; i < 30; i++) {
      save(
          owner,
          "https://same.example.com/" + i,
          "Same date " + i,
          "",
          List.of(),
          "same",
          i % 2 == 0,
          false,
          SAME);
    }
    StringWriter html = new StringWriter();
    GeneratedBookmarks.netscape(html, 1300, 3);
    imports.importFile(
        owner,
        new ByteArrayInputStream(html.toString().getBytes(StandardCharsets.UTF_8)),
        "gen.html",
        ImportOptions.DEFAULTS,
        ImportProgress.NONE);
    save(
        other,
        "https://other.example.com/private",
        "Not yours",
        "",
        List.of(),
        "",
        false,
        false,
        null);
  }

  private void save(
      long user,
      String url,
      String title,
      String notes,
      List<String> quotes,
      String tags,
      boolean shared,
      boolean toread,
      Instant created) {
    bookmarks.create(
        user,
        new BookmarkDraft(url, title, notes, quotes, TagList.parse(tags), shared, toread, created),
        false);
  }

  @ParameterizedTest
  @EnumSource(
      value = BookmarkFormat.class,
      names = {"NETSCAPE", "PINBOARD_JSON", "DELICIOUS_XML"})
  void anExportImportedIntoAFreshAccountGivesEveryBookmarkBackWithEveryField(BookmarkFormat format)
      throws IOException {
    byte[] file = export(format, 7);
    long fresh = users.create(TestStore.uniqueName("fresh"), "password-f").user().id();
    ImportReport report =
        imports.importFile(
            fresh,
            new ByteArrayInputStream(file),
            "export",
            ImportOptions.DEFAULTS,
            ImportProgress.NONE);
    Map<String, Comparable> before = everything(owner);
    assertEquals(before.size(), report.imported(), report.toString());
    assertEquals(0, report.skippedCount(), report.skipped().toString());
    assertEquals(format, report.format());
    assertEquals(before, everything(fresh));
  }

  @ParameterizedTest
  @EnumSource(
      value = BookmarkFormat.class,
      names = {"NETSCAPE", "PINBOARD_JSON", "DELICIOUS_XML"})
  void quotesFoundInPinboardHtmlNotesSurviveAnExportAndImportAgain(BookmarkFormat format)
      throws IOException {
    long first = users.create(TestStore.uniqueName("pins"), "password-p").user().id();
    try (var in = getClass().getResourceAsStream("/exchange/pinboard-blockquote.json")) {
      imports.importFile(first, in, "pins.json", ImportOptions.DEFAULTS, ImportProgress.NONE);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exports.export(first, "pins", format, out, ExportService.PAGE);
    long second = users.create(TestStore.uniqueName("again"), "password-a").user().id();
    imports.importFile(
        second,
        new ByteArrayInputStream(out.toByteArray()),
        "again",
        ImportOptions.DEFAULTS,
        ImportProgress.NONE);
    assertEquals(everything(first), everything(second));
    assertTrue(everything(second).toString().contains("The one passage that matters."));
  }

  @ParameterizedTest
  @EnumSource(
      value = BookmarkFormat.class,
      names = {"NETSCAPE", "PINBOARD_JSON", "DELICIOUS_XML"})
  void anExportHoldsTheOwnersPrivateBookmarksAndNobodyElses(BookmarkFormat format)
      throws IOException {
    String text = new String(export(format, ExportService.PAGE), StandardCharsets.UTF_8);
    assertTrue(text.contains("ftp://files.example.com/pub/"), "a private bookmark of the owner");
    assertFalse(text.contains("other.example.com"), "another user's bookmark");
  }

  @ParameterizedTest
  @EnumSource(
      value = BookmarkFormat.class,
      names = {"NETSCAPE", "PINBOARD_JSON", "DELICIOUS_XML"})
  void anExportIsNewestFirst(BookmarkFormat format) throws IOException {
    byte[] file = export(format, 7);
    List<ImportEntry> entries = format.reader(false).readAll(new ByteArrayInputStream(file));
    for (int i = 1; i < entries.size(); i++) {
      assertFalse(entries.get(i).created().isAfter(entries.get(i - 1).created()), "#" + i);
    }
  }

  @org.junit.jupiter.api.Test
  void theNetscapeExportIsWhatABrowserReads() throws IOException {
    byte[] file = export(BookmarkFormat.NETSCAPE, ExportService.PAGE);
    List<FixtureFacts.Fact> facts = FixtureFacts.of(BookmarkFormat.NETSCAPE, file);
    assertEquals(count(owner), facts.size());
    assertEquals(
        sql.count(BOOKMARKS, BOOKMARKS.USER_ID.eq(owner).and(BOOKMARKS.SHARED.isFalse())),
        facts.stream().filter(FixtureFacts.Fact::isPrivate).count());
    String text = new String(file, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("<!DOCTYPE NETSCAPE-Bookmark-file-1>"));
    assertTrue(text.contains("TAGS=\"Café,.secret,c++,a/b,日本\""), "tags comma-separated");
    assertTrue(text.contains("&lt;b&gt;not markup&lt;/b&gt; &amp; more"), "escaped notes");
  }

  @org.junit.jupiter.api.Test
  void thePinboardExportHasThePostsAllShapeAndTheXmlExportIsWellFormed() throws Exception {
    JsonNode posts = new ObjectMapper().readTree(export(BookmarkFormat.PINBOARD_JSON, 100));
    assertEquals(count(owner), posts.size());
    for (JsonNode post : posts) {
      for (String field :
          List.of(
              "href",
              "description",
              "extended",
              "meta",
              "hash",
              "time",
              "shared",
              "toread",
              "tags")) {
        assertTrue(post.has(field), field + " in " + post);
      }
    }
    var xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(export(BookmarkFormat.DELICIOUS_XML, 100)));
    assertEquals(count(owner), xml.getElementsByTagName("post").getLength());
    assertEquals(ownerName, xml.getDocumentElement().getAttribute("user"));
  }

  private int count(long user) {
    return sql.count(BOOKMARKS, BOOKMARKS.USER_ID.eq(user));
  }

  private byte[] export(BookmarkFormat format, int pageSize) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long written = exports.export(owner, ownerName, format, out, pageSize);
    assertEquals(count(owner), written);
    return out.toByteArray();
  }

  /** Every field of every bookmark of the user that a format carries, by URL. */
  @SuppressWarnings("rawtypes")
  private Map<String, Comparable> everything(long user) {
    List<Long> ids =
        sql.read(
            db ->
                db.select(BOOKMARKS.ID)
                    .from(BOOKMARKS)
                    .where(BOOKMARKS.USER_ID.eq(user))
                    .fetch(BOOKMARKS.ID));
    Map<String, Comparable> all = new TreeMap<>();
    for (Bookmark b : queries.list(ids)) {
      all.put(
          b.url(),
          String.join(
              "|",
              b.title(),
              b.notes(),
              b.quotes().stream().map(Bookmark.Quote::text).toList().toString(),
              b.tags().toString(),
              String.valueOf(b.shared()),
              String.valueOf(b.toread()),
              b.created().truncatedTo(ChronoUnit.SECONDS).toString()));
    }
    return all;
  }
}
