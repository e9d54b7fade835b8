package cairn.search;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkQueries;
import cairn.journal.ChangeJournal;
import cairn.journal.RecentWrites;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only owner of Cairn's Lucene index: one writer, fed by one thread that tails the change
 * journal; a searcher manager refreshed by that thread after each batch (never per query); commits
 * on a schedule and on close, each recording the last applied journal position.
 *
 * <p>On start the index resumes from its last commit; an index that is missing, unreadable or of
 * another {@link IndexFields#SCHEMA_VERSION} is rebuilt from the store. Requests that must see
 * their own write wait for its journal position with {@link #awaitVisible}.
 */
@Context
@Requires(notEnv = SearchIndex.STORE_ONLY_ENVIRONMENT)
public class SearchIndex {
  /** The environment of commands that touch only the store: they never open the index. */
  public static final String STORE_ONLY_ENVIRONMENT = "store-only";

  /** Set to true to rebuild the index from the store when it opens ({@code cairn reindex}). */
  public static final String REINDEX_PROPERTY = "cairn.reindex";

  private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

  /**
   * How often the journal is read when nobody asks; bounds how stale another process's write is.
   */
  static final Duration POLL_INTERVAL = Duration.ofMillis(200);

  /**
   * How long applied changes may wait for a commit (they are replayed from the journal on crash).
   */
  static final Duration COMMIT_INTERVAL = Duration.ofSeconds(5);

  /**
   * While the journal holds more than a batch (an import, a rebuild's replay), how long applied
   * changes may wait before they are made visible: refreshing the searcher after every 1,000
   * documents flushed a tiny segment each time and spent the indexer's time merging them.
   */
  static final Duration BACKLOG_PUBLISH_INTERVAL = Duration.ofMillis(500);

  /**
   * How often a stream of writes is made visible when no reader waits for it: a refresh flushes a
   * segment, which at a million bookmarks cost the indexer more than the writes themselves. A
   * listing that must show a write ({@link #awaitVisible}) has it published at once; a write after
   * a quiet spell too.
   */
  static final Duration QUIET_PUBLISH_INTERVAL = Duration.ofMillis(100);

  static final int BATCH = 1000;
  private static final String SEQ = "seq";
  private static final String SCHEMA = "schema";

  private final ChangeJournal journal;
  private final BookmarkQueries bookmarks;
  private final Analyzer analyzer = new StandardAnalyzer();
  private final TagVocabulary vocabulary = new TagVocabulary();
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Thread indexer;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition visibleAdvanced = lock.newCondition();
  private final Condition workArrived = lock.newCondition();
  private long visibleSeq;
  private boolean nudged;

  /** Someone waits in {@link #awaitVisible}: publish without waiting for the interval. */
  private volatile boolean readerWaiting;

  private volatile boolean closing;

  // touched only by the indexer thread (and the constructor before it starts)
  private long appliedSeq;
  private long committedSeq;
  private long lastCommitNanos = System.nanoTime();
  private long lastPublishNanos = System.nanoTime();

  SearchIndex(
      @Value("${cairn.data-dir}") Path dataDir,
      @Value("${" + REINDEX_PROPERTY + ":false}") boolean reindex,
      ChangeJournal journal,
      BookmarkQueries bookmarks,
      RecentWrites recent)
      throws IOException {
    this.journal = journal;
    this.bookmarks = bookmarks;
    this.directory = FSDirectory.open(dataDir.resolve("index"));
    this.writer = openWriter();
    Map<String, String> commit = commitData();
    if (reindex) {
      rebuild("asked for");
    } else if (!IndexFields.SCHEMA_VERSION.equals(commit.get(SCHEMA))) {
      rebuild(commit.isEmpty() ? "no index yet" : "index schema " + commit.get(SCHEMA));
    } else {
      appliedSeq = committedSeq = Long.parseLong(commit.getOrDefault(SEQ, "0"));
    }
    this.searchers = new SearcherManager(writer, null);
    visibleSeq = appliedSeq;
    // catch up with the journal before the server takes requests, so no listing starts stale
    while (applyPending()) {
      commitIfDue();
    }
    publish();
    this.indexer = Thread.ofPlatform().name("cairn-indexer").daemon().start(this::tailJournal);
    recent.onCommit(this::nudge);
  }

  /** Answers a listing: its page, total, related tags, and whether more lie either side. */
  public IndexPage list(Listing listing) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        ListingCollector result =
            searcher.search(
                ListingQuery.of(listing, analyzer), ListingCollector.manager(listing, vocabulary));
        return page(listing, result);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("index search failed", e);
    } catch (AlreadyClosedException e) {
      // a request that outlives shutdown: say so instead of failing as a server error
      throw new IndexUnavailableException("the index is shutting down", e);
    }
  }

  /**
   * Waits until the index shows every change up to journal position {@code seq}, or until the
   * timeout; returns whether it got there.
   */
  public boolean awaitVisible(long seq, Duration timeout) {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (visibleSeq < seq && remaining > 0 && !closing) {
        readerWaiting = true;
        nudged = true;
        workArrived.signal();
        remaining = visibleAdvanced.awaitNanos(remaining);
      }
      return visibleSeq >= seq;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Wakes the indexer: something was committed to the journal. */
  private void nudge() {
    lock.lock();
    try {
      nudged = true;
      workArrived.signal();
    } finally {
      lock.unlock();
    }
  }

  /** The last journal position the index shows. */
  public long visibleSeq() {
    lock.lock();
    try {
      return visibleSeq;
    } finally {
      lock.unlock();
    }
  }

  private IndexPage page(Listing listing, ListingCollector c) throws IOException {
    long total = c.total;
    Cursor cursor = listing.cursor();
    int size = listing.offset() + listing.perPage();
    boolean earlier;
    boolean later;
    if (cursor == null) {
      earlier = total > size;
      later = false;
    } else if (cursor.direction() == Cursor.Direction.EARLIER) {
      earlier = c.olderThanCursor > size;
      later = total - c.olderThanCursor > 0;
    } else {
      earlier = total - c.newerThanCursor > 0;
      later = c.newerThanCursor > size;
    }
    return new IndexPage(c.pageHits(), total, c.related(), c.dayCounts(), earlier, later);
  }

  private IndexWriter openWriter() throws IOException {
    try {
      return new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
    } catch (LockObtainFailedException e) {
      throw e;
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("The index cannot be read ({}); it will be rebuilt from the store", e.toString());
      // the writer got the lock before failing, so no other process is using these files
      for (String file : directory.listAll()) {
        directory.deleteFile(file);
      }
      return new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
    }
  }

  private IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
    return new IndexWriterConfig(analyzer)
        .setOpenMode(mode)
        .setIndexSort(IndexFields.NEWEST_FIRST)
        .setRAMBufferSizeMB(64)
        .setCommitOnClose(false);
  }

  private Map<String, String> commitData() {
    Map<String, String> data = new HashMap<>();
    var live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(e -> data.put(e.getKey(), e.getValue()));
    }
    return data;
  }

  /**
   * Re-creates every document from the store; changes after the start are replayed from the
   * journal.
   */
  private void rebuild(String why) throws IOException {
    long start = System.nanoTime();
    long upTo = journal.lastSeq();
    writer.deleteAll();
    long count = IndexRebuild.addAll(writer, bookmarks, BATCH);
    commit(upTo);
    appliedSeq = upTo;
    LOG.info(
        "Rebuilt the index ({}): {} bookmarks in {} ms",
        why,
        count,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  private void tailJournal() {
    while (!closing) {
      try {
        boolean more = applyPending();
        if (appliedSeq > visibleSeq() && (readerWaiting || publishWait(more) <= 0)) {
          publish();
        }
        commitIfDue();
        if (!more) {
          awaitWork(appliedSeq > visibleSeq() ? publishWait(false) : POLL_INTERVAL.toNanos());
        }
      } catch (RuntimeException | IOException e) {
        LOG.error("Indexing failed; retrying from journal position {}", appliedSeq, e);
        awaitWork(POLL_INTERVAL.toNanos());
      }
    }
  }

  /**
   * Applies one batch of journal rows to the writer (visible once {@link #publish}ed); returns
   * whether more may be waiting.
   */
  private boolean applyPending() throws IOException {
    List<ChangeJournal.Change> changes = journal.readAfter(appliedSeq, BATCH);
    if (changes.isEmpty()) {
      return false;
    }
    List<Long> ids = changes.stream().map(ChangeJournal.Change::bookmarkId).distinct().toList();
    List<Bookmark> present = bookmarks.list(ids);
    var presentIds = new java.util.HashSet<Long>();
    for (Bookmark b : present) {
      presentIds.add(b.id());
      writer.updateDocument(IndexFields.idTerm(b.id()), IndexFields.toDocument(b));
    }
    for (long id : ids) {
      if (!presentIds.contains(id)) {
        writer.deleteDocuments(IndexFields.idTerm(id));
      }
    }
    appliedSeq = changes.get(changes.size() - 1).seq();
    return changes.size() == BATCH;
  }

  /** Nanoseconds until applied changes are due to be published without a waiting reader. */
  private long publishWait(boolean backlog) {
    Duration interval = backlog ? BACKLOG_PUBLISH_INTERVAL : QUIET_PUBLISH_INTERVAL;
    return interval.toNanos() - (System.nanoTime() - lastPublishNanos);
  }

  private void publish() throws IOException {
    lock.lock();
    try {
      // readers that arrive from here on see the refresh below or ask for the next one
      readerWaiting = false;
    } finally {
      lock.unlock();
    }
    searchers.maybeRefreshBlocking();
    lastPublishNanos = System.nanoTime();
    lock.lock();
    try {
      visibleSeq = appliedSeq;
      visibleAdvanced.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void commitIfDue() throws IOException {
    if (appliedSeq > committedSeq
        && System.nanoTime() - lastCommitNanos >= COMMIT_INTERVAL.toNanos()) {
      commit(appliedSeq);
    }
  }

  private void commit(long seq) throws IOException {
    writer.setLiveCommitData(
        Map.of(SEQ, Long.toString(seq), SCHEMA, IndexFields.SCHEMA_VERSION).entrySet());
    writer.commit();
    committedSeq = seq;
    lastCommitNanos = System.nanoTime();
  }

  /** Waits until nudged or for {@code nanos} (at most the poll interval). */
  private void awaitWork(long nanos) {
    lock.lock();
    try {
      if (!nudged && !closing && nanos > 0) {
        workArrived.await(Math.min(nanos, POLL_INTERVAL.toNanos()), TimeUnit.NANOSECONDS);
      }
      nudged = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops in a fixed order: the indexer thread first (so nothing writes), then a last commit of
   * what it applied, then the searchers, the writer and the directory. Each step logs and carries
   * on.
   */
  @PreDestroy
  void close() {
    lock.lock();
    try {
      closing = true;
      workArrived.signalAll();
      visibleAdvanced.signalAll();
    } finally {
      lock.unlock();
    }
    try {
      indexer.join(Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    step("commit", () -> commit(appliedSeq));
    step("close searchers", searchers::close);
    step("close writer", writer::close);
    step("close directory", directory::close);
  }

  private interface Step {
    void run() throws IOException;
  }

  private static void step(String what, Step step) {
    try {
      step.run();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Index shutdown: {} failed", what, e);
    }
  }
}
