package cairn.api;

import static cairn.db.schema.Tables.BOOKMARKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.journal.ChangeJournal;
import cairn.search.SearchIndex;
import cairn.support.ApiTest;
import cairn.support.BigBookmarkFile;
import cairn.support.Http;
import cairn.support.MemoryWatch;
import cairn.support.Multipart;
import cairn.support.Sql;
import cairn.support.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/imports} and {@code /api/v1/exports} over HTTP. */
@MicronautTest(transactional = false)
class ImportApiTest extends ApiTest {
  @Inject Sql sql;
  @Inject SearchIndex index;
  @Inject ChangeJournal journal;

  @Value("${cairn.data-dir}")
  Path dataDir;

  private final HttpClient client = HttpClient.newHttpClient();
  private String alice;
  private String bob;

  @BeforeEach
  void accounts() {
    if (alice == null) {
      alice = Http.bearer(users.create(TestStore.uniqueName("alice"), "password-a").token());
      bob = Http.bearer(users.create(TestStore.uniqueName("bob"), "password-b").token());
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ImportApiTest.class.getResourceAsStream("/exchange/" + name)) {
      return in.readAllBytes();
    }
  }

  private Http.Response post(String query, String auth, String type, byte[] body) {
    return post(query, auth, type, BodyPublishers.ofByteArray(body));
  }

  private Http.Response post(
      String query, String auth, String type, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.getURI().resolve("/api/v1/imports" + query))
            .POST(body)
            .header("Content-Type", type);
    if (auth != null) {
      request.header("Authorization", auth);
    }
    try {
      HttpResponse<String> r = client.send(request.build(), BodyHandlers.ofString());
      return new Http.Response(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String newUserToken() {
    return Http.bearer(users.create(TestStore.uniqueName("carol"), "password-c").token());
  }

  @Test
  void waitingForAnImportAnswersWithItsReport() throws IOException {
    String carol = newUserToken();
    var r = post("?wait=true&tag=api", carol, "text/html", resource("import/core.html"));
    assertEquals(200, r.status(), r.body());
    JsonNode job = r.json();
    assertEquals("done", job.get("state").asText());
    JsonNode report = job.get("report");
    assertEquals("netscape", report.get("format").asText());
    assertEquals(7, report.get("read").asInt());
    assertEquals(4, report.get("imported").asInt());
    assertEquals(1, report.get("merged").asInt());
    assertEquals(2, report.get("skipped_count").asInt());
    JsonNode skipped = report.get("skipped").get(0);
    assertEquals(2, skipped.get("position").asInt());
    assertEquals(8, skipped.get("line").asInt());
    assertEquals("url", skipped.get("field").asText());
    assertTrue(report.get("complete").asBoolean());
    assertEquals(7, job.get("progress").get("entries").asInt());
    var listed = http.get("/api/v1/bookmarks?tags=api", carol);
    assertEquals(4, listed.json().get("total").asInt(), listed.body());
  }

  @Test
  void splitTagsTrueSplitsATagWithSpacesAndTheReportCountsJoinedOnesOtherwise() throws IOException {
    String carol = newUserToken();
    var joined = post("?wait=true", carol, "text/html", resource("nested.html"));
    JsonNode report = joined.json().get("report");
    assertEquals(1, report.get("joined_tags").asInt(), joined.body());
    assertEquals("beta_gamma", report.get("joined_examples").get(0).get("saved").asText());
    String dave = newUserToken();
    var split = post("?wait=true&split_tags=true", dave, "text/html", resource("nested.html"));
    assertEquals(0, split.json().get("report").get("joined_tags").asInt(), split.body());
    var listed = http.get("/api/v1/bookmarks?tags=gamma", dave);
    assertEquals(1, listed.json().get("total").asInt(), listed.body());
  }

  @Test
  void anImportRunsAsAJobToPollForProgressAndReport() throws Exception {
    String carol = newUserToken();
    var r = post("?file_name=pins.json", carol, "application/json", resource("pinboard.json"));
    assertEquals(202, r.status(), r.body());
    String location = r.headers().firstValue("location").orElseThrow();
    assertTrue(location.startsWith("/api/v1/imports/"), location);
    assertEquals("pins.json", r.json().get("file_name").asText());
    JsonNode job = awaitDone(location, carol);
    assertEquals("done", job.get("state").asText(), job.toString());
    assertEquals("pinboard-json", job.get("report").get("format").asText());
    assertEquals(job.get("progress").get("total_bytes"), job.get("progress").get("bytes"));
  }

  @Test
  void anotherUsersImportIsNotFound() throws Exception {
    var r = post("", alice, "text/html", resource("import/core.html"));
    String location = r.headers().firstValue("location").orElseThrow();
    var theirs = http.get(location, bob);
    assertEquals(404, theirs.status(), theirs.body());
    assertTrue(theirs.contentType().startsWith("application/problem+json"));
    assertEquals(404, http.get("/api/v1/imports/0123456789abcdef", alice).status());
    awaitDone(location, alice);
  }

  @Test
  void aMultipartUploadIsImportedToo() throws IOException {
    String carol = newUserToken();
    String boundary = "cairn-boundary";
    byte[] file = resource("delicious.xml");
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename=\"delicious.xml\"\r\nContent-Type: application/xml\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + file.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(file, 0, body, head.length, file.length);
    System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
    var r = post("?wait=true", carol, "multipart/form-data; boundary=" + boundary, body);
    assertEquals(200, r.status(), r.body());
    assertEquals("delicious.xml", r.json().get("file_name").asText());
    assertEquals("delicious-xml", r.json().get("report").get("format").asText());
    assertEquals(2, r.json().get("report").get("imported").asInt());
  }

  /**
   * Far past the framework's 1 MiB default for a multipart file: 20,000 bookmarks with long notes,
   * streamed to disk as they arrive, then imported in the background.
   */
  @Test
  void aMultipartFileOfFiftyMegabytesImportsEveryBookmark() throws Exception {
    String carol = newUserToken();
    int entries = 20_000;
    Path file = BigBookmarkFile.write(entries, 2600);
    long size = Files.size(file);
    assertTrue(size > 50L * 1024 * 1024, "the file is " + size + " bytes");
    Multipart form = Multipart.of(Map.of(), "file", "big.html", file);
    Http.Response r;
    long began = System.nanoTime();
    try (MemoryWatch memory = new MemoryWatch()) {
      r = post("?tag=big_api", carol, form.contentType(), form.publisher());
      System.out.printf(
          "API upload of %d bytes: %d ms, %s%n",
          size, (System.nanoTime() - began) / 1_000_000, memory);
      assertTrue(memory.peakDirect() < size / 2, memory.toString());
    }
    assertEquals(202, r.status(), r.body());
    assertEquals(size, r.json().get("progress").get("total_bytes").asLong());
    JsonNode job = awaitDone(r.headers().firstValue("location").orElseThrow(), carol, 10);
    System.out.printf("API import done after %d ms%n", (System.nanoTime() - began) / 1_000_000);
    assertEquals("done", job.get("state").asText(), job.toString());
    assertEquals(entries, job.get("report").get("imported").asInt());
    // a listing waits only seconds for the index; 50 MB of notes on a loaded machine take longer
    assertTrue(index.awaitVisible(journal.lastSeq(), Duration.ofMinutes(5)), "index caught up");
    var listed = http.get("/api/v1/bookmarks?tags=big_api", carol);
    assertEquals(entries, listed.json().get("total").asInt(), listed.body());
  }

  @Test
  void aRawUploadBrokenOffMidwayImportsNothingAndKeepsNothing() throws Exception {
    Path file = BigBookmarkFile.write(2000, 2000);
    byte[] half = Arrays.copyOf(Files.readAllBytes(file), (int) (Files.size(file) / 2));
    assertBrokenOffImportsNothing("?wait=true", "text/html", half, Files.size(file));
  }

  @Test
  void aMultipartUploadBrokenOffMidwayImportsNothingAndKeepsNothing() throws Exception {
    Path file = BigBookmarkFile.write(2000, 2000);
    String boundary = "cairn-broken";
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.html\"\r\n"
                + "Content-Type: text/html\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] bytes = Files.readAllBytes(file);
    byte[] half = new byte[head.length + bytes.length / 2];
    System.arraycopy(head, 0, half, 0, head.length);
    System.arraycopy(bytes, 0, half, head.length, bytes.length / 2);
    assertBrokenOffImportsNothing(
        "", "multipart/form-data; boundary=" + boundary, half, head.length + bytes.length + 64);
  }

  /**
   * Sends the start of a body that promises more, waits until the server is storing it, and hangs
   * up: once the stored part is gone, nothing of it may have been imported.
   */
  private void assertBrokenOffImportsNothing(String query, String type, byte[] start, long promised)
      throws Exception {
    var carol = users.create(TestStore.uniqueName("broken"), "password-c");
    Path uploads = dataDir.resolve("uploads");
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/imports"
                  + query
                  + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                  + Http.bearer(carol.token())
                  + "\r\nContent-Type: "
                  + type
                  + "\r\nContent-Length: "
                  + promised
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.write(start);
      out.flush();
      Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
      while (storedBytes(uploads) == 0) {
        assertTrue(Instant.now().isBefore(deadline), "the server stores the upload");
        Thread.sleep(20);
      }
    }
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (storedBytes(uploads) > 0) {
      assertTrue(Instant.now().isBefore(deadline), "the broken upload is removed");
      Thread.sleep(20);
    }
    assertEquals(0, sql.count(BOOKMARKS, BOOKMARKS.USER_ID.eq(carol.user().id())));
  }

  private static long storedBytes(Path uploads) throws IOException {
    if (!Files.isDirectory(uploads)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(uploads)) {
      return files.mapToLong(f -> f.toFile().length()).sum();
    }
  }

  @Test
  void aFileThatIsNotBookmarksIsA400NamingTheFileAndWritesNothing() throws IOException {
    String carol = newUserToken();
    var r = post("?wait=true", carol, "text/plain", resource("not-bookmarks.txt"));
    assertEquals(400, r.status(), r.body());
    assertEquals("file", r.json().get("field").asText());
    assertTrue(r.json().get("rule").asText().startsWith("is not a bookmark file"));
    assertEquals(0, http.get("/api/v1/bookmarks", carol).json().get("total").asInt());
    var async = post("", carol, "text/plain", resource("not-bookmarks.txt"));
    assertEquals(400, async.status(), "refused before a job is made");
  }

  @Test
  void badOptionsAre400sNamingTheParameter() throws IOException {
    byte[] file = resource("import/core.html");
    var tag = post("?tag=-x", alice, "text/html", file);
    assertEquals(400, tag.status());
    assertEquals("tag", tag.json().get("field").asText());
    var format = post("?format=csv", alice, "text/html", file);
    assertEquals("format", format.json().get("field").asText());
    var flag = post("?private=perhaps", alice, "text/html", file);
    assertEquals("private", flag.json().get("field").asText());
    assertEquals(401, post("", null, "text/html", file).status());
  }

  @Test
  void anExportIsADownloadOfTheViewersOwnBookmarksPrivateOnesIncluded() throws IOException {
    String dave = newUserToken();
    String erin = newUserToken();
    post("?wait=true", dave, "text/html", resource("import/core.html"));
    post("?wait=true", erin, "application/json", resource("pinboard.json"));
    var r = http.get("/api/v1/exports?format=netscape", dave);
    assertEquals(200, r.status(), r.body());
    assertTrue(r.contentType().startsWith("text/html"), r.contentType());
    String disposition = r.headers().firstValue("content-disposition").orElse("");
    assertTrue(disposition.startsWith("attachment; filename=\"cairn-carol_"), disposition);
    assertTrue(r.body().contains("https://paper.example/raft"), "a private bookmark of the viewer");
    assertFalse(r.body().contains("a.example"), "another user's bookmark");
    var json = http.get("/api/v1/exports?format=pinboard-json", dave);
    assertEquals(4, json.json().size());
    var xml = http.get("/api/v1/exports?format=delicious-xml", dave);
    assertTrue(xml.contentType().startsWith("application/xml"), xml.contentType());
  }

  @Test
  void anExportWithoutAKnownFormatIsA400() {
    assertEquals("format", http.get("/api/v1/exports", alice).json().get("field").asText());
    var bad = http.get("/api/v1/exports?format=csv", alice);
    assertEquals(400, bad.status());
    assertEquals("format", bad.json().get("field").asText());
  }

  /** Polls the job until it has finished; an import of a small file takes well under a second. */
  private JsonNode awaitDone(String location, String auth) throws InterruptedException {
    return awaitDone(location, auth, 1);
  }

  private JsonNode awaitDone(String location, String auth, int minutes)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(minutes));
    while (true) {
      JsonNode job = http.get(location, auth).json();
      String state = job.get("state").asText();
      if (!state.equals("queued") && !state.equals("running")) {
        return job;
      }
      assertTrue(Instant.now().isBefore(deadline), "still " + state);
      Thread.sleep(20);
    }
  }
}
