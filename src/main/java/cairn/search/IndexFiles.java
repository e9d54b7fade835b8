package cairn.search;

import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index's place on disk. Opens its writer only on an index whose every file matches its
 * checksum, and moves a damaged index — or a file where its directory should be — aside (to {@code
 * index.corrupt-TIME}, keeping the latest such copy) so that a new one can be built from the store.
 */
final class IndexFiles {
  private static final Logger LOG = LoggerFactory.getLogger(IndexFiles.class);
  private static final String ASIDE = ".corrupt-";
  private static final String SEQ = "seq";
  private static final String SCHEMA = "schema";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private final Path path;
  private final Analyzer analyzer;

  IndexFiles(Path path, Analyzer analyzer) {
    this.path = path;
    this.analyzer = analyzer;
  }

  /** An open index: its directory and writer, and why it is new and empty (null if it is not). */
  record Opened(Directory directory, IndexWriter writer, @Nullable String damage) {}

  /**
   * Opens the index at its last commit after verifying it; a damaged one is moved aside and an
   * empty one created in its place. Throws {@link LockObtainFailedException} if another process
   * holds the index.
   */
  Opened open() throws IOException {
    String damage = null;
    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(path)) {
      damage = "a file, not a directory, is where the index should be";
      moveAside();
    }
    Directory directory = FSDirectory.open(path);
    IndexWriter writer = null;
    try {
      writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
      verifyLastCommit(directory);
      return new Opened(directory, writer, damage);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw e;
    } catch (IOException | RuntimeException e) {
      // the writer held the lock while reading, so no other process was using these files
      if (writer != null) {
        IOUtils.closeWhileHandlingException(writer::rollback);
      }
      directory.close();
      damage = "it cannot be read: " + e;
      moveAside();
      directory = FSDirectory.open(path);
      return new Opened(
          directory, new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE)), damage);
    }
  }

  /**
   * Moves the index out of the way, replacing an earlier copy: one copy is enough to look at, and
   * damage that keeps coming back must not fill the disk with copies.
   */
  void moveAside() throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Path aside = path.resolveSibling(path.getFileName() + ASIDE + STAMP.format(Instant.now()));
    for (Path earlier : earlierCopies()) {
      deleteTree(earlier);
    }
    Files.move(path, aside);
    LOG.warn("Moved the damaged index to {}", aside);
  }

  /**
   * Why {@code reader}'s files do not match their checksums, or null if they do. Reads every file:
   * about a second per GB.
   */
  static @Nullable String damage(IndexReader reader) {
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        leaf.reader().checkIntegrity();
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return e.toString();
    }
  }

  /**
   * Commits what {@code writer} holds, recording that it shows the journal up to {@code seq} and
   * was written by this {@link IndexFields#SCHEMA_VERSION}: the two facts a start reads back.
   */
  static void commit(IndexWriter writer, long seq) throws IOException {
    writer.setLiveCommitData(
        Map.of(SEQ, Long.toString(seq), SCHEMA, IndexFields.SCHEMA_VERSION).entrySet());
    writer.commit();
  }

  /** The journal position the last commit of {@code writer}'s index recorded (0: none). */
  static long committedSeq(IndexWriter writer) {
    return Long.parseLong(commitData(writer).getOrDefault(SEQ, "0"));
  }

  /**
   * Why the index {@code writer} opened must be rebuilt before use: it is new, or of another
   * schema; null when it can be resumed.
   */
  static @Nullable String rebuildReason(IndexWriter writer) {
    Map<String, String> commit = commitData(writer);
    if (IndexFields.SCHEMA_VERSION.equals(commit.get(SCHEMA))) {
      return null;
    }
    return commit.isEmpty() ? "no index yet" : "index schema " + commit.get(SCHEMA);
  }

  private static Map<String, String> commitData(IndexWriter writer) {
    Map<String, String> data = new HashMap<>();
    var live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(e -> data.put(e.getKey(), e.getValue()));
    }
    return data;
  }

  /** Opening a writer reads only a commit's small files; the checksums cover the rest. */
  private static void verifyLastCommit(Directory directory) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return;
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        leaf.reader().checkIntegrity();
      }
    }
  }

  private IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
    return new IndexWriterConfig(analyzer)
        .setOpenMode(mode)
        .setIndexSort(IndexFields.NEWEST_FIRST)
        .setRAMBufferSizeMB(64)
        .setCommitOnClose(false);
  }

  private List<Path> earlierCopies() throws IOException {
    String prefix = path.getFileName() + ASIDE;
    try (Stream<Path> siblings = Files.list(path.toAbsolutePath().getParent())) {
      return siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
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
