package cairn.search;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkQueries;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * Writes a document for every bookmark of the store, in id order. Reading a batch of rows from the
 * store and indexing it take about as long each, so one thread reads the next batch while the
 * caller's thread indexes the current one.
 */
final class IndexRebuild {
  /** One batch of the walk: its rows, how many ids it covered, and the last of them. */
  private record Batch(List<Bookmark> rows, int ids, long lastId) {}

  private IndexRebuild() {}

  /** Adds every bookmark to {@code writer}; returns how many ids the walk covered. */
  static long addAll(IndexWriter writer, BookmarkQueries bookmarks, int batchSize)
      throws IOException {
    ExecutorService reader =
        Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("cairn-rebuild-reader").daemon().unstarted(r));
    try {
      long count = 0;
      Future<Batch> next = reader.submit(() -> read(bookmarks, 0, batchSize));
      for (Batch batch = await(next); batch.ids() > 0; batch = await(next)) {
        long after = batch.lastId();
        next = reader.submit(() -> read(bookmarks, after, batchSize));
        for (Bookmark b : batch.rows()) {
          add(writer, b);
        }
        count += batch.ids();
      }
      return count;
    } finally {
      reader.shutdownNow();
    }
  }

  private static void add(IndexWriter writer, Bookmark b) throws IOException {
    try {
      writer.addDocument(IndexFields.toDocument(b));
    } catch (AlreadyClosedException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new UnindexableBookmarkException(b.id(), 0, e);
    }
  }

  private static Batch read(BookmarkQueries bookmarks, long after, int batchSize) {
    List<Long> ids = bookmarks.listIdsAfter(after, batchSize);
    if (ids.isEmpty()) {
      return new Batch(List.of(), 0, after);
    }
    return new Batch(bookmarks.list(ids), ids.size(), ids.get(ids.size() - 1));
  }

  private static Batch await(Future<Batch> batch) throws IOException {
    try {
      return batch.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while rebuilding the index", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException("reading the store for the index failed", e.getCause());
    }
  }
}
