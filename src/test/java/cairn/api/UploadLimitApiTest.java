package cairn.api;

import static cairn.db.schema.Tables.BOOKMARKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.ApiTest;
import cairn.support.BigBookmarkFile;
import cairn.support.Http;
import cairn.support.Multipart;
import cairn.support.Sql;
import cairn.support.TestStore;
import cairn.user.User;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/imports} with a small upload limit: over it, a 413 and nothing kept. */
@MicronautTest(transactional = false)
class UploadLimitApiTest extends ApiTest {
  private static final Path OVER = BigBookmarkFile.write(1500, 2000);

  private final HttpClient client = HttpClient.newHttpClient();
  @Inject Sql sql;

  @Value("${cairn.data-dir}")
  Path dataDir;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(TestStore.properties());
    properties.put("cairn.import.max-upload-size", "1MB");
    return properties;
  }

  private record Account(User user, String auth) {}

  private Account account() {
    var created = users.create(TestStore.uniqueName("lim"), "password-l");
    return new Account(created.user(), Http.bearer(created.token()));
  }

  private Http.Response post(String query, Account who, String type, BodyPublisher body) {
    HttpRequest request =
        HttpRequest.newBuilder(server.getURI().resolve("/api/v1/imports" + query))
            .POST(body)
            .header("Content-Type", type)
            .header("Authorization", who.auth())
            .build();
    try {
      var r = client.send(request, BodyHandlers.ofString());
      return new Http.Response(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static BodyPublisher streamed(Path file) {
    return BodyPublishers.ofInputStream(
        () -> {
          try {
            return Files.newInputStream(file);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private void assertRefused(Http.Response r, String size) {
    assertEquals(413, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
    JsonNode problem = r.json();
    assertEquals("file", problem.get("field").asText());
    String rule = problem.get("rule").asText();
    assertTrue(rule.startsWith(size + "; the limit is 1 MB (cairn.import.max-upload-size)"), rule);
    assertEquals(1024 * 1024, problem.get("limit_bytes").asLong());
  }

  private void assertNothingKept(Account who) throws IOException {
    assertEquals(0, sql.count(BOOKMARKS, BOOKMARKS.USER_ID.eq(who.user().id())));
    Path uploads = dataDir.resolve("uploads");
    if (Files.isDirectory(uploads)) { // made by the first upload that gets as far as being stored
      try (Stream<Path> left = Files.list(uploads)) {
        assertEquals(0, left.count(), "no upload left in the data directory");
      }
    }
  }

  @Test
  void aRawBodyOverTheLimitIsA413NamingTheFileAndTheLimit() throws IOException {
    Account me = account();
    var r = post("?wait=true", me, "text/html", BodyPublishers.ofFile(OVER));
    assertRefused(r, "the file is 3.1 MB");
    assertNothingKept(me);
  }

  @Test
  void aRawBodyWithoutALengthIsCutOffAtTheLimit() throws IOException {
    Account me = account();
    var r = post("?wait=true", me, "text/html", streamed(OVER));
    assertRefused(r, "the file is over 1 MB");
    assertNothingKept(me);
  }

  @Test
  void aMultipartFileOverTheLimitIsA413Too() throws IOException {
    Account me = account();
    Multipart form = Multipart.of(Map.of(), "file", "big.html", OVER);
    assertRefused(post("", me, form.contentType(), form.publisher()), "the file is 3.1 MB");
    Multipart chunked = Multipart.chunked(Map.of(), "file", "big.html", OVER);
    assertRefused(
        post("", me, chunked.contentType(), chunked.publisher()), "the file is over 1 MB");
    assertNothingKept(me);
  }

  @Test
  void aFileUnderTheLimitIsImported() throws IOException {
    Account me = account();
    Path under = BigBookmarkFile.write(300, 2000);
    var r = post("?wait=true", me, "text/html", BodyPublishers.ofFile(under));
    assertEquals(200, r.status(), r.body());
    assertEquals(300, r.json().get("report").get("imported").asInt());
  }
}
