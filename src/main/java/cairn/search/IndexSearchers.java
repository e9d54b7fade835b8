package cairn.search;

import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The searchers of the current writer, replaced whole when the indexer reopens its writer or
 * rebuilds the index. A search that cannot be answered now — the index is being rebuilt or shut
 * down, its searcher was just replaced, its files turn out to be damaged — throws {@link
 * IndexUnavailableException} (a 503 to retry), never a server error.
 */
final class IndexSearchers {
  private static final Logger LOG = LoggerFactory.getLogger(IndexSearchers.class);

  /** What a listing does with a searcher. */
  interface Search<T> {
    T run(IndexSearcher searcher) throws IOException;
  }

  private final IndexFaults faults;
  private final Runnable wakeIndexer;

  /** Null while the index is rebuilt and after it closed. */
  private volatile SearcherManager current;

  /** The last reader whose files were verified after a search failed on it. */
  private volatile IndexReader verified;

  private volatile boolean closed;

  IndexSearchers(IndexFaults faults, Runnable wakeIndexer) {
    this.faults = faults;
    this.wakeIndexer = wakeIndexer;
  }

  <T> T search(Search<T> search) {
    SearcherManager manager = current;
    if (manager == null) {
      throw new IndexUnavailableException(
          closed ? "the index is shutting down" : "the index is being rebuilt from the store",
          null);
    }
    IndexSearcher searcher;
    try {
      searcher = manager.acquire();
    } catch (AlreadyClosedException e) {
      throw replaced(e);
    } catch (IOException e) {
      throw new UncheckedIOException("index search failed", e);
    }
    try {
      return search.run(searcher);
    } catch (AlreadyClosedException e) {
      throw replaced(e);
    } catch (IOException | RuntimeException e) {
      throw damagedOr(searcher.getIndexReader(), e);
    } catch (AssertionError e) {
      // Lucene's own assertions (on in tests) trip over damaged data before its checks do
      throw damagedOr(searcher.getIndexReader(), e);
    } finally {
      try {
        manager.release(searcher);
      } catch (IOException | AlreadyClosedException e) {
        LOG.debug("Releasing a searcher failed", e);
      }
    }
  }

  /** Makes what the writer holds visible to searches started from now on. */
  void refresh() throws IOException {
    current.maybeRefreshBlocking();
  }

  boolean isOpen() {
    return current != null;
  }

  /** Searches from now on use {@code next} (none, while rebuilding); the last ones are closed. */
  void replace(@Nullable SearcherManager next) {
    SearcherManager last = current;
    current = next;
    if (last != null) {
      try {
        // searches under way keep their searcher until they release it
        last.close();
      } catch (IOException e) {
        LOG.warn("Closing the last searchers failed", e);
      }
    }
  }

  void close() {
    closed = true;
    replace(null);
  }

  /** A search that outlives shutdown, or meets a searcher just replaced: it may be retried. */
  private IndexUnavailableException replaced(AlreadyClosedException e) {
    return new IndexUnavailableException(
        closed ? "the index is shutting down" : "the index is being reopened", e);
  }

  /**
   * After a search failed: if the reader's files are damaged, starts the rebuild and says the index
   * is unavailable; otherwise the failure is a bug and stays what it was. Damaged files are found
   * by their checksums, once per reader: reading them all costs about a second per GB.
   */
  private RuntimeException damagedOr(IndexReader reader, Throwable e) {
    if (faults.repair().compareTo(IndexFaults.Repair.REBUILD) >= 0) {
      return new IndexUnavailableException("the index is being rebuilt from the store", e);
    }
    String damage = verified == reader ? null : IndexFiles.damage(reader);
    if (damage == null) {
      verified = reader;
      if (e instanceof Error error) {
        throw error;
      }
      return e instanceof RuntimeException r
          ? r
          : new UncheckedIOException("index search failed", (IOException) e);
    }
    faults.damaged("a search failed with " + e + "; " + damage);
    wakeIndexer.run();
    return new IndexUnavailableException("the index is damaged; it is being rebuilt", e);
  }
}
