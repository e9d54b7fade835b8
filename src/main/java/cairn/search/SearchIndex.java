package cairn.search;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkQueries;
import cairn.bookmark.UrlKey;
import cairn.journal.ChangeJournal;
import cairn.journal.RecentWrites;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
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
  static final Duration BACKLOG_PUBLISH_INTERVAL = Duration.ofSeconds(2);

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
  private final IndexFiles files;
  private final IndexFaults faults = new IndexFaults();
  private final IndexSearchers searchers = new IndexSearchers(faults, this::nudge);
  private final UrlTally urls = new UrlTally();
  private final Thread indexer;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition visibleAdvanced = lock.newCondition();
  private final Condition workArrived = lock.newCondition();
  private long visibleSeq;
  private boolean nudged;

  /** Someone waits in {@link #awaitVisible}: publish without waiting for the interval. */
  private volatile boolean readerWaiting;

  private volatile boolean closing;

  // touched only by the indexer thread (and the constructor before it starts, close after it ends)
  private Directory directory;

  /** Null after a failure, until the indexer reopens it. */
  private IndexWriter writer;

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
    this.files = new IndexFiles(dataDir.resolve("index"), analyzer);
    openWriter();
    Map<String, String> commit = IndexFiles.commitData(writer);
    if (reindex) {
      faults.rebuildNeeded("asked for");
    } else if (!IndexFields.SCHEMA_VERSION.equals(commit.get(SCHEMA))) {
      faults.rebuildNeeded(
          commit.isEmpty() ? "no index yet" : "index schema " + commit.get(SCHEMA));
    } else {
      appliedSeq = committedSeq = Long.parseLong(commit.getOrDefault(SEQ, "0"));
      searchers.replace(new SearcherManager(writer, null));
      visibleSeq = appliedSeq;
    }
    try {
      // catch up with the journal before the server takes requests, so no listing starts stale
      repair();
      while (applyPending()) {
        commitIfDue();
      }
      publish();
    } catch (IOException e) {
      if (reindex) {
        throw e;
      }
      // a full disk must not keep the server from starting: the indexer retries
      failed(e);
    }
    this.indexer = Thread.ofPlatform().name("cairn-indexer").daemon().start(this::tailJournal);
    recent.onCommit(this::nudge);
  }

  /**
   * Answers a listing: its page, total, related tags, and whether more lie either side. Throws
   * {@link IndexUnavailableException} while the index is rebuilt, and when a search finds its files
   * damaged (which starts the rebuild).
   */
  public IndexPage list(Listing listing) {
    return searchers.search(
        searcher ->
            page(
                listing,
                searcher.search(
                    ListingQuery.of(listing, analyzer),
                    ListingCollector.manager(listing, vocabulary))));
  }

  /**
   * How many people shared a save of the URL with this {@code UrlKey#hash}, when two or more did;
   * otherwise 0. A lookup in what the indexer keeps, not a search.
   */
  public int sharedSaves(String urlHash) {
    return urls.count(urlHash);
  }

  /**
   * A page of the URLs most people shared a save of, created at or after {@code from} (all time
   * when null); URLs saved by fewer than two people are not popular.
   */
  public PopularPage popular(@Nullable Instant from, @Nullable PopularCursor cursor, int perPage) {
    if (from == null) {
      if (!searchers.isOpen()) {
        throw new IndexUnavailableException("the index is being rebuilt from the store", null);
      }
      return PopularPage.of(urls.ranking(), cursor, perPage);
    }
    return searchers.search(
        searcher ->
            PopularPage.of(WindowRanking.since(searcher, from.toEpochMilli()), cursor, perPage));
  }

  /**
   * The normalized URL ({@code UrlKey#value}) with this hash, if the viewer may see a save of it: a
   * shared one, or their own.
   */
  public Optional<String> findUrlKey(long viewer, String urlHash) {
    return searchers.search(searcher -> UrlLookup.findUrlKey(searcher, viewer, urlHash));
  }

  /**
   * Waits until the index shows every change up to journal position {@code seq}, or until the
   * timeout; returns whether it got there.
   */
  public boolean awaitVisible(long seq, Duration timeout) {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      // while the index is failing nobody would be woken: answer at once
      while (visibleSeq < seq && remaining > 0 && !closing && !faults.failing()) {
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

  /** Opens the writer at the last commit, or a new index in place of a damaged one. */
  private void openWriter() throws IOException {
    IndexFiles.Opened opened = files.open();
    directory = opened.directory();
    writer = opened.writer();
    if (opened.damage() != null) {
      faults.rebuildNeeded(opened.damage());
    }
  }

  /** Rolls a failed writer back (its lock goes with it); the last commit stays. */
  private void discardWriter() {
    if (writer != null) {
      step("roll the failed writer back", writer::rollback);
      step("close the directory", directory::close);
      writer = null;
      directory = null;
    }
  }

  /**
   * Does the repair a failure called for. Reopening keeps the last searcher serving until the new
   * writer has caught up with what it showed, so nothing acknowledged disappears from listings
   * meanwhile; a rebuild has nothing to show until it is done.
   */
  private void repair() throws IOException {
    IndexFaults.Repair repair = faults.repair();
    if (repair == IndexFaults.Repair.NONE) {
      return;
    }
    if (repair.compareTo(IndexFaults.Repair.REBUILD) >= 0) {
      searchers.replace(null);
      if (repair == IndexFaults.Repair.MOVE_ASIDE_AND_REBUILD) {
        discardWriter();
        files.moveAside();
        faults.movedAside();
      }
    }
    if (writer == null) {
      openWriter();
    }
    if (faults.repair().compareTo(IndexFaults.Repair.REBUILD) >= 0) {
      rebuild(faults.reason());
    } else {
      appliedSeq =
          committedSeq = Long.parseLong(IndexFiles.commitData(writer).getOrDefault(SEQ, "0"));
    }
    // replay what the last searcher showed before it is replaced
    while (appliedSeq < visibleSeq()) {
      if (!applyPending()) {
        break;
      }
    }
    searchers.replace(new SearcherManager(writer, null));
    urls.countAllNext();
    publish();
    faults.repaired();
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
        repair();
        boolean more = applyPending();
        if (appliedSeq > visibleSeq() && (readerWaiting || publishWait(more) <= 0)) {
          publish();
        }
        commitIfDue();
        faults.succeeded();
        if (!more) {
          awaitWork(appliedSeq > visibleSeq() ? publishWait(false) : POLL_INTERVAL.toNanos());
        }
      } catch (RuntimeException | IOException e) {
        failed(e);
        pause(faults.nextBackoffNanos());
      }
    }
  }

  /**
   * Records a failure; a writer that failed is rolled back to its last commit at once, since it may
   * have dropped buffered documents the journal position already counts.
   */
  private void failed(Exception e) {
    if (faults.failed(e, writer) != IndexFaults.Repair.NONE) {
      discardWriter();
    }
    lock.lock();
    try {
      // waiters would wait in vain for the repair: let them answer with what is visible
      visibleAdvanced.signalAll();
    } finally {
      lock.unlock();
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
    urls.touched(ids);
    for (Bookmark b : present) {
      presentIds.add(b.id());
      // the URL is parsed and hashed once, for the document and the tally alike
      UrlKey key = UrlKey.of(b.url());
      String hash = key.hash();
      writer.updateDocument(IndexFields.idTerm(b.id()), IndexFields.toDocument(b, key, hash));
      urls.saved(b, hash);
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
    urls.refresh(searchers);
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

  /** Waits {@code nanos}, nudged or not, unless the index closes. */
  private void pause(long nanos) {
    long deadline = System.nanoTime() + nanos;
    lock.lock();
    try {
      for (long left = nanos; left > 0 && !closing; left = deadline - System.nanoTime()) {
        workArrived.awaitNanos(left);
      }
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
    if (writer != null && faults.repair() == IndexFaults.Repair.NONE) {
      step("commit", () -> commit(appliedSeq));
    }
    searchers.close();
    if (writer != null) {
      step("close writer", writer::close);
      step("close directory", directory::close);
    }
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
