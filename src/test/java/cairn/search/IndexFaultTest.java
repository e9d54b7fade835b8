package cairn.search;

import static cairn.support.Drafts.draft;
import static cairn.support.Http.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cairn.bookmark.BookmarkService;
import cairn.browse.ListingService;
import cairn.journal.ChangeJournal;
import cairn.query.Listing;
import cairn.support.Http;
import cairn.support.TestStore;
import cairn.user.UserService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A damaged index — bytes flipped in a segment, a file where its directory should be, files damaged
 * under a running server — is found, moved aside and rebuilt from the store; meanwhile listings say
 * "unavailable, retry", never "server error".
 */
class IndexFaultTest {
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  @Test
  void bytesFlippedInASegmentAreFoundAtStartAndTheIndexIsRebuiltWithEveryBookmark()
      throws IOException {
    Path dir = TestStore.newDataDir();
    Owner owner = populate(dir, 60);
    flipInStoredFields(dir.resolve("index"), 64);
    assertEquals(60, totalAfterStart(dir, owner.id()));
    assertEquals(1, copiesAside(dir).size(), "the damaged index is kept aside");
  }

  @Test
  void aFileWhereTheIndexDirectoryShouldBeIsMovedAsideAndTheIndexRebuilt() throws IOException {
    Path dir = TestStore.newDataDir();
    Owner owner = populate(dir, 25);
    deleteTree(dir.resolve("index"));
    Files.writeString(dir.resolve("index"), "not an index");
    assertEquals(25, totalAfterStart(dir, owner.id()));
    assertTrue(Files.isDirectory(dir.resolve("index")));
    assertEquals(1, copiesAside(dir).size());
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void filesDamagedWhileServingMakeListingsUnavailableNotFailedUntilTheRebuildIsDone()
      throws IOException {
    Path dir = TestStore.newDataDir();
    Owner owner = populate(dir, 40);
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props(dir))) {
      Http http = new Http(server.getURI());
      String listing = "/api/v1/bookmarks?per_page=20";
      assertEquals(200, http.get(listing, owner.auth()).status());
      scramble(dir.resolve("index"), new Random(42));
      List<Integer> statuses = new ArrayList<>();
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      for (Http.Response r = http.get(listing, owner.auth());
          r.status() != 200 || statuses.isEmpty();
          r = http.get(listing, owner.auth())) {
        statuses.add(r.status());
        assertNotEquals(500, r.status(), r.body());
        assertEquals(503, r.status(), r.body());
        assertTrue(r.headers().firstValue("Retry-After").isPresent(), "503 without Retry-After");
        assertTrue(r.contentType().contains("problem+json"), r.contentType());
        // a Pinboard client is answered in Pinboard's shape meanwhile, never problem+json
        Http.Response pinboard =
            http.get("/v1/posts/recent?format=json&auth_token=" + owner.token(), null);
        if (pinboard.status() != 200) {
          assertEquals(503, pinboard.status(), pinboard.body());
          assertEquals("application/json; charset=utf-8", pinboard.contentType());
          assertTrue(pinboard.json().has("result_code"), pinboard.body());
          assertTrue(pinboard.headers().firstValue("Retry-After").isPresent());
        }
        if (System.nanoTime() > deadline) {
          fail("no listing after " + PATIENCE + ": " + statuses);
        }
      }
      Http.Response after = http.get(listing, owner.auth());
      assertEquals(200, after.status(), after.body());
      assertEquals(40, after.json().get("total").asInt());
      assertEquals(1, copiesAside(dir).size());
    }
  }

  private record Owner(long id, String auth, String token) {}

  private static Owner populate(Path dir, int count) {
    try (ApplicationContext context = ApplicationContext.run(props(dir))) {
      var user =
          context.getBean(UserService.class).create(TestStore.uniqueName("fault"), "password-1");
      BookmarkService bookmarks = context.getBean(BookmarkService.class);
      long seq = 0;
      for (int i = 0; i < count; i++) {
        seq =
            bookmarks
                .create(
                    user.user().id(), draft("https://fault.example.com/" + i, "t" + (i % 3)), false)
                .seq();
      }
      assertTrue(context.getBean(SearchIndex.class).awaitVisible(seq, PATIENCE));
      return new Owner(user.user().id(), bearer(user.token()), user.token());
    }
  }

  /** Starts a context on the data directory and counts the user's bookmarks through the index. */
  private static long totalAfterStart(Path dir, long user) {
    try (ApplicationContext context = ApplicationContext.run(props(dir))) {
      long last = context.getBean(ChangeJournal.class).lastSeq();
      assertTrue(context.getBean(SearchIndex.class).awaitVisible(last, PATIENCE));
      return context.getBean(ListingService.class).list(Listing.of(user, user)).total();
    }
  }

  /**
   * Flips {@code count} bytes in the middle of the stored fields inside a compound segment file:
   * data that opening the index never reads (it checks their header and footer), and listings never
   * read either, so nothing but a checksum finds the damage.
   */
  private static void flipInStoredFields(Path index, int count) throws IOException {
    List<Path> entryFiles;
    try (Stream<Path> files = Files.list(index)) {
      entryFiles = files.filter(f -> f.toString().endsWith(".cfe")).toList();
    }
    Path entries = null;
    long offset = -1;
    long length = 0;
    try (FSDirectory directory = FSDirectory.open(index)) {
      for (Path cfe : entryFiles) {
        try (IndexInput in =
            directory.openInput(cfe.getFileName().toString(), IOContext.READONCE)) {
          CodecUtil.readIndexHeader(in);
          for (int n = in.readVInt(); n > 0; n--) {
            String name = in.readString();
            long start = in.readLong();
            long size = in.readLong();
            if (name.endsWith(".fdt") && size > length) {
              entries = cfe;
              offset = start;
              length = size;
            }
          }
        }
      }
    }
    assertTrue(length > count + 100, "stored fields of " + length + " bytes");
    Path compound = index.resolve(entries.getFileName().toString().replace(".cfe", ".cfs"));
    try (FileChannel file =
        FileChannel.open(compound, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
      long middle = offset + (length - count) / 2;
      ByteBuffer bytes = ByteBuffer.allocate(count);
      file.read(bytes, middle);
      for (int i = 0; i < count; i++) {
        bytes.put(i, (byte) ~bytes.get(i));
      }
      file.write(bytes.flip(), middle);
    }
  }

  /**
   * Overwrites every segment file in place with random bytes, as a failing disk might: the running
   * server keeps them open (mapped), so its searches read the damage.
   */
  private static void scramble(Path index, Random random) throws IOException {
    try (Stream<Path> files = Files.list(index)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith("segments") || name.equals("write.lock")) {
          continue;
        }
        byte[] noise = new byte[(int) size(f)];
        random.nextBytes(noise);
        try (FileChannel file = FileChannel.open(f, StandardOpenOption.WRITE)) {
          file.write(ByteBuffer.wrap(noise), 0);
        }
      }
    }
  }

  private static Map<String, Object> props(Path dir) {
    return Map.copyOf(TestStore.properties(dir));
  }

  private static List<Path> copiesAside(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("index.corrupt-")).toList();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
