package cairn.support;

import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.db.schema.Tables.BOOKMARK_TAGS;
import static cairn.db.schema.Tables.CHANGES;
import static cairn.db.schema.Tables.QUOTES;
import static cairn.db.schema.Tables.TAGS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh data directory per test context, and ways to look at what the store holds. */
public final class TestStore {
  private static final AtomicInteger NAMES = new AtomicInteger();

  private TestStore() {}

  /** Properties for a context on a new temporary data directory and a random port. */
  public static Map<String, String> properties() {
    return properties(newDataDir());
  }

  /**
   * Also pins the server's host to localhost: unpinned, Micronaut names the server after the {@code
   * HOSTNAME} variable when it is set (as in containers), and tests would then reach it at an
   * address that is not Cairn's default {@code http://localhost:PORT}.
   */
  public static Map<String, String> properties(Path dataDir) {
    return Map.of(
        "cairn.data-dir",
        dataDir.toString(),
        "micronaut.server.port",
        "-1",
        "micronaut.server.host",
        "localhost");
  }

  public static Path newDataDir() {
    try {
      return Files.createTempDirectory("cairn-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A user name no other test in this JVM uses. */
  public static String uniqueName(String prefix) {
    return prefix + "_" + NAMES.incrementAndGet();
  }

  /** Row counts of every table a bookmark write touches. */
  public record Counts(int bookmarks, int quotes, int tags, int tagLinks, int changes) {
    public static Counts of(Sql sql) {
      return sql.read(
          db ->
              new Counts(
                  db.fetchCount(BOOKMARKS),
                  db.fetchCount(QUOTES),
                  db.fetchCount(TAGS),
                  db.fetchCount(BOOKMARK_TAGS),
                  db.fetchCount(CHANGES)));
    }
  }
}
