package cairn.api.pinboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.exchange.ImportOptions;
import cairn.exchange.ImportProgress;
import cairn.exchange.ImportService;
import cairn.journal.ChangeJournal;
import cairn.search.SearchIndex;
import cairn.support.ApiTest;
import cairn.support.BigBookmarkFile;
import cairn.support.TestStore;
import cairn.user.UserService;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code posts/all} of an account bigger than one of its 5,000-bookmark chunks from the index:
 * every post once, newest first, and {@code start}/{@code results} windows that cross a chunk
 * boundary equal the same slice of the whole.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PinboardAllPostsTest extends ApiTest {
  private static final int BOOKMARKS = 5_300;

  @Inject ImportService imports;
  @Inject SearchIndex index;
  @Inject ChangeJournal journal;

  private UserService.NewUser owner;
  private List<JsonNode> all;

  @BeforeAll
  void importAnAccount() throws IOException {
    owner = users.create(TestStore.uniqueName("all"), "password-all");
    try (InputStream in = Files.newInputStream(BigBookmarkFile.write(BOOKMARKS, 20))) {
      var report =
          imports.importFile(
              owner.user().id(), in, "big.html", ImportOptions.DEFAULTS, ImportProgress.NONE);
      assertEquals(BOOKMARKS, report.imported(), report.toString());
    }
    assertTrue(index.awaitVisible(journal.lastSeq(), Duration.ofMinutes(2)));
  }

  private List<JsonNode> posts(String query) {
    var r =
        new cairn.support.Http(server.getURI())
            .get("/v1/posts/all?format=json&auth_token=" + owner.token() + query, null);
    assertEquals(200, r.status(), r.body());
    List<JsonNode> posts = new ArrayList<>();
    r.json().forEach(posts::add);
    return posts;
  }

  @Test
  void everyPostComesOnceNewestFirst() {
    all = posts("");
    assertEquals(BOOKMARKS, all.size());
    assertEquals(
        BOOKMARKS, new HashSet<>(all.stream().map(p -> p.get("href").asText()).toList()).size());
    for (int i = 1; i < all.size(); i++) {
      String newer = all.get(i - 1).get("time").asText();
      String older = all.get(i).get("time").asText();
      assertTrue(newer.compareTo(older) >= 0, i + ": " + newer + " before " + older);
    }
  }

  @Test
  void windowsAcrossTheChunkBoundaryAreSlicesOfTheWhole() {
    List<JsonNode> whole = all != null ? all : posts("");
    assertEquals(whole.subList(4_990, 5_010), posts("&start=4990&results=20"));
    assertEquals(whole.subList(0, 5_001), posts("&results=5001"));
    assertEquals(whole.subList(5_100, BOOKMARKS), posts("&start=5100"));
  }

  @Test
  void theWholeAccountIsStreamedInBothFormatsNotBufferedFirst() throws Exception {
    var http = new cairn.support.Http(server.getURI());
    var json = http.get("/v1/posts/all?format=json&auth_token=" + owner.token(), null);
    assertEquals("application/json; charset=utf-8", json.contentType());
    assertTrue(
        json.headers().firstValue("content-length").isEmpty(),
        "a streamed reply has no length up front: " + json.headers().map());
    assertEquals(BOOKMARKS, json.json().size());

    var xml = http.get("/v1/posts/all?meta=yes&auth_token=" + owner.token(), null);
    assertEquals("text/xml; charset=utf-8", xml.contentType());
    assertTrue(xml.headers().firstValue("content-length").isEmpty());
    var doc =
        javax.xml.parsers.DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new org.xml.sax.InputSource(new java.io.StringReader(xml.body())));
    var posts = doc.getDocumentElement().getElementsByTagName("post");
    assertEquals(owner.user().name(), doc.getDocumentElement().getAttribute("user"));
    assertEquals(BOOKMARKS, posts.getLength());
    var first = (org.w3c.dom.Element) posts.item(0);
    assertEquals(json.json().get(0).get("href").asText(), first.getAttribute("href"));
    assertEquals(json.json().get(0).get("meta").asText(), first.getAttribute("meta"));

    // a reply of one page goes out whole, with its length
    var small = http.get("/v1/posts/all?format=json&results=20&auth_token=" + owner.token(), null);
    assertEquals(20, small.json().size());
    assertEquals(
        Integer.toString(small.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
        small.headers().firstValue("content-length").orElse(null));
  }
}
