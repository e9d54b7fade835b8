package cairn.web;

import static cairn.db.schema.Tables.BOOKMARKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.BigBookmarkFile;
import cairn.support.Multipart;
import cairn.support.Sql;
import cairn.support.TestStore;
import cairn.support.WebClient.Page;
import cairn.support.WebTest;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The import form with a small upload limit: a file over it gets a page that says what to do. */
@MicronautTest(transactional = false)
class UploadLimitPagesTest extends WebTest {
  @Inject Sql sql;

  @Value("${cairn.data-dir}")
  Path dataDir;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(TestStore.properties());
    properties.put("cairn.import.max-upload-size", "1MB");
    return properties;
  }

  private static Map<String, String> fields(Page settings) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("csrf", settings.doc().selectFirst("form#import-form input[name=csrf]").val());
    return fields;
  }

  private void assertRefusedWithTheWayBack(Page refused) {
    assertEquals(413, refused.status(), refused.toString());
    assertTrue(refused.header("content-type").startsWith("text/html"), refused.toString());
    String message = refused.doc().selectFirst("section.error p.message").text();
    assertTrue(message.contains("the limit is 1 MB (cairn.import.max-upload-size)"), message);
    assertTrue(message.contains("cairn import"), message);
    assertNotNull(refused.doc().selectFirst("section.error a.back[href=/settings#import]"));
  }

  private void assertNothingKept(Account me) throws IOException {
    assertTrue(me.browser().get("/u:" + me.name()).doc().select("article").isEmpty());
    assertEquals(0, sql.count(BOOKMARKS, BOOKMARKS.USER_ID.eq(me.user().id())));
    Path uploads = dataDir.resolve("uploads");
    if (Files.isDirectory(uploads)) { // made by the first upload that gets as far as being stored
      try (Stream<Path> left = Files.list(uploads)) {
        assertEquals(0, left.count(), "no upload left in the data directory");
      }
    }
  }

  @Test
  void aFileOverTheLimitGetsAPageWithItsSizeTheLimitAndTheWayBack() throws IOException {
    Account me = account("lim_page");
    Path file = BigBookmarkFile.write(1500, 2000);
    Page refused =
        me.browser()
            .post(
                "/settings/import",
                Multipart.of(fields(me.browser().get("/settings")), "file", "big.html", file));
    assertRefusedWithTheWayBack(refused);
    String message = refused.doc().selectFirst("section.error p.message").text();
    assertTrue(message.matches("file: the file is 3\\.\\d MB; .*"), message);
    assertNothingKept(me);
  }

  @Test
  void aFileOverTheLimitWithoutADeclaredLengthIsCutOffAtTheLimit() throws IOException {
    Account me = account("lim_chunked");
    Path file = BigBookmarkFile.write(1500, 2000);
    Page refused =
        me.browser()
            .post(
                "/settings/import",
                Multipart.chunked(fields(me.browser().get("/settings")), "file", "big.html", file));
    assertRefusedWithTheWayBack(refused);
    String message = refused.doc().selectFirst("section.error p.message").text();
    assertTrue(message.startsWith("file: the file is over 1 MB"), message);
    assertNothingKept(me);
  }

  @Test
  void aFileUnderTheLimitIsStillImported() {
    Account me = account("lim_under");
    Path file = BigBookmarkFile.write(300, 2000);
    Page started =
        me.browser()
            .post(
                "/settings/import",
                Multipart.of(fields(me.browser().get("/settings")), "file", "small.html", file));
    assertEquals(303, started.status(), started.toString());
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    Page job = me.browser().get(started.location());
    while (job.doc().selectFirst("meta[http-equiv=refresh]") != null) {
      assertTrue(Instant.now().isBefore(deadline), "the import finishes");
      job = me.browser().get(started.location());
    }
    assertEquals("300", job.doc().selectFirst("td.imported").text(), job.body());
  }
}
