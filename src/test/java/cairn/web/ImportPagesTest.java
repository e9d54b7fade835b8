package cairn.web;

import static cairn.db.schema.Tables.BOOKMARKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.BigBookmarkFile;
import cairn.support.MemoryWatch;
import cairn.support.Multipart;
import cairn.support.Sql;
import cairn.support.WebClient.Page;
import cairn.support.WebTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ImportPagesTest extends WebTest {
  @Inject Sql sql;

  private static final String FILE =
      """
      <!DOCTYPE NETSCAPE-Bookmark-file-1>
      <DL><p>
      <DT><H3>Reading</H3>
      <DL><p>
      <DT><A HREF="https://example.org/one" ADD_DATE="1500000000" TAGS="alpha">One</A>
      <DD>first notes
      <DT><A HREF="javascript:alert(1)" ADD_DATE="1500000001">Bad one</A>
      <DT><A HREF="https://example.org/two" ADD_DATE="1500000002" PRIVATE="1">Two</A>
      </DL><p>
      </DL><p>
      """;

  private Map<String, String> fields(Page settings, String... extra) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("csrf", settings.doc().selectFirst("form#import-form input[name=csrf]").val());
    fields.put("folder_tags", "1");
    for (int i = 0; i < extra.length; i += 2) {
      fields.put(extra[i], extra[i + 1]);
    }
    return fields;
  }

  private Page finished(Account me, String location) {
    return finished(me, location, Duration.ofSeconds(30));
  }

  private Page finished(Account me, String location, Duration bound) {
    Instant deadline = Instant.now().plus(bound);
    Page job = me.browser().get(location);
    while (job.doc().selectFirst("meta[http-equiv=refresh]") != null) {
      assertTrue(Instant.now().isBefore(deadline), "the import finishes");
      job = me.browser().get(location);
    }
    return job;
  }

  @Test
  void theImportFormRunsAJobAndShowsItsReportWithTheSkippedEntry() {
    Account me = account("imp");
    Page settings = me.browser().get("/settings");
    Page started =
        me.browser()
            .postFile(
                "/settings/import",
                fields(settings),
                "file",
                "bookmarks.html",
                FILE.getBytes(StandardCharsets.UTF_8));
    assertEquals(303, started.status(), started.toString());
    assertTrue(started.location().startsWith("/settings/import/"));
    Page report = finished(me, started.location());
    assertEquals("3", report.doc().selectFirst("td.read").text(), report.body());
    assertEquals("2", report.doc().selectFirst("td.imported").text());
    assertEquals("1", report.doc().selectFirst("td.skipped").text());
    var skipped = report.doc().select("table.skipped-entries tbody tr td");
    assertEquals("2", skipped.get(0).text());
    assertTrue(skipped.get(3).text().startsWith("url"), skipped.text());

    Page mine = me.browser().get("/u:" + me.name() + "/t:Reading");
    assertEquals(List.of("Two", "One"), mine.doc().select("h2.title").eachText());
    assertEquals(
        List.of("One"), browser().get("/u:" + me.name()).doc().select("h2.title").eachText());

    Account other = account("imp_other");
    assertEquals(404, other.browser().get(started.location()).status());
  }

  /**
   * Far past the framework's 1 MiB default for a form's file: 20,000 bookmarks with long notes,
   * streamed to disk as they arrive (the memory it takes is a fraction of the file's size).
   */
  @Test
  void aFileOfFiftyMegabytesThroughTheFormImportsEveryBookmark() throws Exception {
    Account me = account("imp_big");
    int entries = 20_000;
    Path file = BigBookmarkFile.write(entries, 2600);
    long size = Files.size(file);
    assertTrue(size > 50L * 1024 * 1024, "the file is " + size + " bytes");
    Page started;
    long began = System.nanoTime();
    try (MemoryWatch memory = new MemoryWatch()) {
      started =
          me.browser()
              .post(
                  "/settings/import",
                  Multipart.of(fields(me.browser().get("/settings")), "file", "big.html", file));
      System.out.printf(
          "form upload of %d bytes: %d ms, %s%n",
          size, (System.nanoTime() - began) / 1_000_000, memory);
      assertTrue(memory.peakDirect() < size / 2, memory.toString());
    }
    assertEquals(303, started.status(), started.toString());
    Page report = finished(me, started.location(), Duration.ofMinutes(10));
    System.out.printf("form import done after %d ms%n", (System.nanoTime() - began) / 1_000_000);
    assertEquals(String.valueOf(entries), report.doc().selectFirst("td.imported").text());
    assertEquals("0", report.doc().selectFirst("td.skipped").text());
    assertEquals(entries, sql.count(BOOKMARKS, BOOKMARKS.USER_ID.eq(me.user().id())));
  }

  @Test
  void aFileThatIsNoBookmarkFileIsRefusedWithItsReason() {
    Account me = account("imp_bad");
    Page settings = me.browser().get("/settings");
    Page refused =
        me.browser()
            .postFile(
                "/settings/import",
                fields(settings),
                "file",
                "photo.jpg",
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x10});
    assertEquals(400, refused.status(), refused.toString());
    assertTrue(refused.body().contains("file"), refused.body());
    Page noToken =
        me.browser()
            .postFile(
                "/settings/import",
                Map.of(),
                "file",
                "b.html",
                FILE.getBytes(StandardCharsets.UTF_8));
    assertEquals(403, noToken.status());
    assertTrue(me.browser().get("/u:" + me.name()).doc().select("article").isEmpty());
  }

  @Test
  void exportDownloadsEverythingOfYoursAndNeedsSigningIn() {
    Account me = account("exp");
    save(me.user(), "https://example.org/secret", "Secret one", "x", false, Instant.now());
    Page file = me.browser().get("/settings/export?format=netscape");
    assertEquals(200, file.status());
    assertTrue(file.body().contains("https://example.org/secret"));
    assertTrue(file.body().contains("PRIVATE=\"1\""), file.body());
    assertEquals(303, browser().get("/settings/export?format=netscape").status());
    assertEquals(400, me.browser().get("/settings/export?format=nope").status());
    assertNotNull(
        me.browser()
            .get("/settings")
            .doc()
            .selectFirst("a[href=/settings/export?format=pinboard-json]"));
    assertNull(browser().get("/settings").doc().selectFirst("form#import-form"));
  }
}
