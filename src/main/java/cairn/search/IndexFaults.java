package cairn.search;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What went wrong with the index and what the indexer must do about it before it goes on: reopen
 * its writer from the last commit (the writer failed: disk full, an I/O error, a tragic exception)
 * or rebuild the index from the store (its files are damaged). Retries back off; each failure state
 * is logged once, and so is the recovery.
 */
final class IndexFaults {
  private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

  static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

  /** Bounds how long the index stays behind once the cause (a full disk) has gone away. */
  static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  enum Repair {
    NONE,
    /** Roll the writer back and reopen it at the last commit; the journal replays the rest. */
    REOPEN,
    /** Build a new index from the store (on start, or after moving a damaged one aside). */
    REBUILD,
    /** The files are damaged: move them aside, then rebuild. */
    MOVE_ASIDE_AND_REBUILD
  }

  private Repair repair = Repair.NONE;
  private String reason = "";
  private String state;
  private int failures;
  private String lastFailure = "";
  private Instant failingSince;
  private long backoffNanos = FIRST_BACKOFF.toNanos();

  /** True from a failure until the repair is done: waits on the index should not linger. */
  private volatile boolean failing;

  synchronized Repair repair() {
    return repair;
  }

  /** Why the pending repair is needed, for the log line of the rebuild. */
  synchronized String reason() {
    return reason;
  }

  boolean failing() {
    return failing;
  }

  /** The index must be built from the store before it can be used. */
  synchronized void rebuildNeeded(String why) {
    escalate(Repair.REBUILD, why);
  }

  /** A search found damaged files: the index is moved aside and rebuilt. */
  synchronized void damaged(String why) {
    escalate(Repair.MOVE_ASIDE_AND_REBUILD, why);
    if (!failing) {
      failingSince = Instant.now();
    }
    failing = true;
    lastFailure = "the index is damaged (" + why + ")";
    LOG.error("The index is damaged ({}); rebuilding it from the store", why);
  }

  /** The damaged files were moved aside: what is left to do is the rebuild. */
  synchronized void movedAside() {
    repair = Repair.REBUILD;
  }

  /**
   * Records a failure of the indexer; {@code writer} is the writer it used, or null. Returns the
   * repair now due.
   */
  synchronized Repair failed(Exception e, IndexWriter writer) {
    Throwable tragic = writer == null ? null : writer.getTragicException();
    if (isDamage(e) || isDamage(tragic)) {
      escalate(Repair.MOVE_ASIDE_AND_REBUILD, "indexing failed: " + (tragic == null ? e : tragic));
    } else if (e instanceof IOException
        || e instanceof AlreadyClosedException
        || tragic != null
        || (writer != null && !writer.isOpen())) {
      escalate(Repair.REOPEN, e.toString());
    }
    if (!failing) {
      failingSince = Instant.now();
    }
    failing = true;
    failures++;
    lastFailure = e.getMessage() == null ? e.toString() : e.getMessage();
    // one line per kind of failure: a full disk fails every attempt the same way
    String now = repair + " " + root(tragic == null ? e : tragic);
    if (!now.equals(state)) {
      state = now;
      LOG.warn(
          "Indexing failed at attempt {} ({}); retrying, at most every {} s",
          failures,
          repair == Repair.NONE ? "retrying the journal" : repair,
          MAX_BACKOFF.toSeconds(),
          e);
    }
    return repair;
  }

  /** Why the indexer cannot go on, for the health check: null while it goes on. */
  synchronized String failure() {
    if (!failing) {
      return null;
    }
    // damage found by a search counts no attempt of the indexer's
    String attempts =
        failures == 0 ? "" : failures + (failures == 1 ? " attempt" : " attempts") + " failed ";
    return attempts + "since " + failingSince + ": " + lastFailure;
  }

  /** How long to wait before the next attempt: doubles with each failure up to the maximum. */
  synchronized long nextBackoffNanos() {
    long wait = backoffNanos;
    backoffNanos = Math.min(backoffNanos * 2, MAX_BACKOFF.toNanos());
    return wait;
  }

  /** The indexer got through a round of work: end the failure state, if any. */
  synchronized void succeeded() {
    if (!failing || repair != Repair.NONE) {
      return;
    }
    if (failures > 0) {
      LOG.info("Indexing recovered after {} failed attempts ({})", failures, state);
    }
    failures = 0;
    state = null;
    lastFailure = "";
    failingSince = null;
    backoffNanos = FIRST_BACKOFF.toNanos();
    failing = false;
  }

  /** The pending repair is done. */
  synchronized void repaired() {
    repair = Repair.NONE;
    reason = "";
  }

  /** A stronger repair replaces a weaker one: a rebuild makes reopening moot. */
  private void escalate(Repair to, String why) {
    if (to.compareTo(repair) > 0) {
      repair = to;
      reason = why;
    }
  }

  private static Throwable root(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  /** Damage to the files, as opposed to a failure to write them. */
  static boolean isDamage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CorruptIndexException
          || t instanceof IndexFormatTooOldException
          || t instanceof IndexFormatTooNewException) {
        return true;
      }
    }
    return false;
  }
}
