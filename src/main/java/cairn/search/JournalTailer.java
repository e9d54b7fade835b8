package cairn.search;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkQueries;
import cairn.bookmark.UrlKey;
import cairn.journal.ChangeJournal;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of the index, fed by one thread that tails the change journal: applies each batch
 * of rows, makes it visible (publish) by a policy that favours waiting readers, commits on a
 * schedule recording the last applied journal position, and repairs what {@link IndexFaults} says
 * failed.
 *
 * <p>Thread rules: the writer, the directory and the positions below are owned by the indexer
 * thread. Before {@link #start} the constructing thread owns them ({@link #open}); after {@link
 * #stop} has joined the thread, the stopping thread does ({@link Thread#start} and {@link
 * Thread#join} order the hand-overs). If the thread does not stop, {@link #stop} touches nothing of
 * it but the writer's rollback, which Lucene makes safe from any thread. Request threads never
 * touch this class: they meet the indexer only through {@link IndexVisibility}, {@link
 * IndexSearchers}, {@link UrlTally} and {@link IndexFaults}, each safe for that on its own.
 *
 * <p>The publish policy is hand-rolled rather than Lucene's {@code ControlledRealTimeReopenThread}:
 * that class maps writer generations to waiters, but Cairn's waiters wait for journal positions,
 * the refresh must also swap the {@link UrlTally} counts in step with the searcher, and a backlog
 * wants fewer refreshes than a reader does; a map from position to generation would add a second
 * clock without removing this one.
 */
final class JournalTailer {
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
   * listing that must show a write ({@link SearchIndex#awaitVisible}) has it published at once; a
   * write after a quiet spell too.
   */
  static final Duration QUIET_PUBLISH_INTERVAL = Duration.ofMillis(100);

  /** How long {@link #stop} waits for the thread before it interrupts it, and after. */
  static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

  static final int BATCH = 1000;

  private final IndexFiles files;
  private final ChangeJournal journal;
  private final BookmarkQueries bookmarks;
  private final IndexFaults faults;
  private final IndexSearchers searchers;
  private final UrlTally urls;
  private final IndexVisibility visibility;
  private Thread thread;

  private Directory directory;

  /** Null after a failure, until the indexer reopens it; volatile for {@link #stop}'s rollback. */
  private volatile IndexWriter writer;

  private long appliedSeq;
  private long committedSeq;
  private long lastCommitNanos = System.nanoTime();
  private long lastPublishNanos = System.nanoTime();

  JournalTailer(
      IndexFiles files,
      ChangeJournal journal,
      BookmarkQueries bookmarks,
      IndexFaults faults,
      IndexSearchers searchers,
      UrlTally urls,
      IndexVisibility visibility) {
    this.files = files;
    this.journal = journal;
    this.bookmarks = bookmarks;
    this.faults = faults;
    this.searchers = searchers;
    this.urls = urls;
    this.visibility = visibility;
  }

  /**
   * Opens the index at its last commit (or decides to rebuild it) and catches up with the journal,
   * so that no listing starts stale. A failure while catching up is left to the thread to retry,
   * unless {@code reindex} asked for a rebuild here and now; a failure to open closes what was
   * opened before it is thrown.
   */
  void open(boolean reindex) throws IOException {
    try {
      openWriter();
      String stale = reindex ? "asked for" : IndexFiles.rebuildReason(writer);
      if (stale != null) {
        faults.rebuildNeeded(stale);
      } else {
        appliedSeq = committedSeq = IndexFiles.committedSeq(writer);
        searchers.replace(new SearcherManager(writer, null));
        visibility.published(appliedSeq);
      }
    } catch (IOException | RuntimeException e) {
      closeAll();
      throw e;
    }
    try {
      repair();
      while (applyPending()) {
        commitIfDue();
      }
      publish();
    } catch (IOException | RuntimeException e) {
      if (reindex) {
        closeAll();
        throw e;
      }
      // a full disk or a bookmark that cannot be indexed must not keep the server from starting
      failed(e);
    }
  }

  /** Starts the thread that tails the journal from here on. */
  void start() {
    thread = Thread.ofPlatform().name("cairn-indexer").daemon().start(this::run);
  }

  private void run() {
    while (!visibility.closing()) {
      try {
        repair();
        boolean more = applyPending();
        long visible = visibility.visibleSeq();
        if (appliedSeq > visible && (visibility.readerWaiting() || publishWait(more) <= 0)) {
          publish();
        }
        commitIfDue();
        faults.succeeded();
        if (!more) {
          visibility.awaitWork(
              appliedSeq > visibility.visibleSeq() ? publishWait(false) : POLL_INTERVAL.toNanos(),
              POLL_INTERVAL.toNanos());
        }
      } catch (RuntimeException | IOException e) {
        failed(e);
        visibility.pause(faults.nextBackoffNanos());
      }
    }
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
      appliedSeq = committedSeq = IndexFiles.committedSeq(writer);
    }
    // replay what the last searcher showed before it is replaced
    while (appliedSeq < visibility.visibleSeq()) {
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

  /**
   * Records a failure; a writer that failed is rolled back to its last commit at once, since it may
   * have dropped buffered documents the journal position already counts.
   */
  private void failed(Exception e) {
    if (faults.failed(e, writer) != IndexFaults.Repair.NONE) {
      discardWriter();
    }
    visibility.wakeReaders();
  }

  /**
   * Applies one batch of journal rows to the writer (visible once {@link #publish}ed); returns
   * whether more may be waiting. A bookmark that cannot be made a document fails the batch with its
   * id and journal position in the message, and the batch is retried (see {@link IndexFaults}).
   */
  private boolean applyPending() throws IOException {
    List<ChangeJournal.Change> changes = journal.readAfter(appliedSeq, BATCH);
    if (changes.isEmpty()) {
      return false;
    }
    List<Long> ids = changes.stream().map(ChangeJournal.Change::bookmarkId).distinct().toList();
    List<Bookmark> present = bookmarks.list(ids);
    Set<Long> presentIds = new HashSet<>();
    urls.touched(ids);
    for (Bookmark b : present) {
      presentIds.add(b.id());
      apply(b, changes);
    }
    for (long id : ids) {
      if (!presentIds.contains(id)) {
        writer.deleteDocuments(IndexFields.idTerm(id));
      }
    }
    appliedSeq = changes.get(changes.size() - 1).seq();
    return changes.size() == BATCH;
  }

  private void apply(Bookmark b, List<ChangeJournal.Change> changes) throws IOException {
    try {
      // the URL is parsed and hashed once, for the document and the tally alike
      UrlKey key = UrlKey.of(b.url());
      String hash = key.hash();
      writer.updateDocument(IndexFields.idTerm(b.id()), IndexFields.toDocument(b, key, hash));
      urls.saved(b, hash);
    } catch (AlreadyClosedException e) {
      throw e;
    } catch (RuntimeException e) {
      long seq =
          changes.stream().filter(c -> c.bookmarkId() == b.id()).findFirst().orElseThrow().seq();
      throw new UnindexableBookmarkException(b.id(), seq, e);
    }
  }

  /** Nanoseconds until applied changes are due to be published without a waiting reader. */
  private long publishWait(boolean backlog) {
    Duration interval = backlog ? BACKLOG_PUBLISH_INTERVAL : QUIET_PUBLISH_INTERVAL;
    return interval.toNanos() - (System.nanoTime() - lastPublishNanos);
  }

  private void publish() throws IOException {
    visibility.publishing();
    urls.refresh(searchers);
    lastPublishNanos = System.nanoTime();
    visibility.published(appliedSeq);
  }

  private void commitIfDue() throws IOException {
    if (appliedSeq > committedSeq
        && System.nanoTime() - lastCommitNanos >= COMMIT_INTERVAL.toNanos()) {
      commit(appliedSeq);
    }
  }

  private void commit(long seq) throws IOException {
    IndexFiles.commit(writer, seq);
    committedSeq = seq;
    lastCommitNanos = System.nanoTime();
  }

  /**
   * Stops in a fixed order: the thread first (so nothing writes), then a last commit of what it
   * applied, then the searchers, the writer and the directory. A thread that does not stop (a
   * rebuild of millions, a stuck disk) is interrupted; if it still runs, nothing is committed — the
   * journal replays it on the next start — and the writer is rolled back under it. Each step logs
   * and carries on.
   */
  void stop() {
    visibility.close();
    if (thread != null && !join(thread)) {
      thread.interrupt();
      if (!join(thread)) {
        LOG.error(
            "The indexer did not stop within {} s; its work since the last commit is left to the"
                + " journal to replay on the next start",
            2 * STOP_PATIENCE.toSeconds());
        searchers.close();
        IndexWriter running = writer;
        if (running != null) {
          step("roll the writer back", running::rollback);
        }
        return;
      }
    }
    if (writer != null && faults.repair() == IndexFaults.Repair.NONE) {
      step("commit", () -> commit(appliedSeq));
    }
    closeAll();
  }

  private void closeAll() {
    searchers.close();
    if (writer != null) {
      step("close writer", writer::close);
      writer = null;
    }
    if (directory != null) {
      step("close directory", directory::close);
      directory = null;
    }
  }

  /** Waits for the thread to end; returns whether it did. */
  private static boolean join(Thread thread) {
    try {
      return thread.join(STOP_PATIENCE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !thread.isAlive();
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
