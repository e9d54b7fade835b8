package cairn.search;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * What the indexer and the request threads tell each other: the journal position listings show,
 * that work arrived, that a reader waits for a position, that the index closes.
 *
 * <p>Thread rules: every field is guarded by {@link #lock}, except {@link #readerWaiting}, a
 * volatile hint the indexer reads without it (a stale read costs at most one publish interval,
 * since a waiting reader also sets {@link #nudged} under the lock). {@link #visibleSeq} only grows,
 * and only the indexer advances it ({@link #published}); request threads wait on {@link
 * #visibleAdvanced}, the indexer on {@link #workArrived}. Nothing here does I/O under the lock.
 */
final class IndexVisibility {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition visibleAdvanced = lock.newCondition();
  private final Condition workArrived = lock.newCondition();
  private long visibleSeq;
  private boolean nudged;
  private boolean closing;

  /** Someone waits in {@link #awaitVisible}: publish without waiting for the interval. */
  private volatile boolean readerWaiting;

  /**
   * Waits until listings show journal position {@code seq}, the timeout passes, the index closes or
   * {@code failing} says the indexer cannot get there now (nobody would wake the waiter); returns
   * whether listings show it.
   */
  boolean awaitVisible(long seq, Duration timeout, BooleanSupplier failing) {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (visibleSeq < seq && remaining > 0 && !closing && !failing.getAsBoolean()) {
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

  long visibleSeq() {
    lock.lock();
    try {
      return visibleSeq;
    } finally {
      lock.unlock();
    }
  }

  /** Wakes the indexer: something was committed to the journal. */
  void nudge() {
    lock.lock();
    try {
      nudged = true;
      workArrived.signal();
    } finally {
      lock.unlock();
    }
  }

  boolean readerWaiting() {
    return readerWaiting;
  }

  /**
   * The indexer is about to make what it applied visible: readers that ask from here on see that
   * refresh or ask for the next one.
   */
  void publishing() {
    lock.lock();
    try {
      readerWaiting = false;
    } finally {
      lock.unlock();
    }
  }

  /** Listings now show everything up to {@code seq}; wakes the readers waiting for it. */
  void published(long seq) {
    lock.lock();
    try {
      visibleSeq = Math.max(visibleSeq, seq);
      visibleAdvanced.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The indexer failed: waiters would wait in vain for the repair, so let them look again. */
  void wakeReaders() {
    lock.lock();
    try {
      visibleAdvanced.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until nudged or for {@code nanos} (at most {@code most}); clears the nudge. */
  void awaitWork(long nanos, long most) {
    lock.lock();
    try {
      if (!nudged && !closing && nanos > 0) {
        workArrived.await(Math.min(nanos, most), TimeUnit.NANOSECONDS);
      }
      nudged = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  /** Waits {@code nanos}, nudged or not, unless the index closes. */
  void pause(long nanos) {
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

  boolean closing() {
    lock.lock();
    try {
      return closing;
    } finally {
      lock.unlock();
    }
  }

  /** From now on nobody waits: the indexer stops, readers answer with what is visible. */
  void close() {
    lock.lock();
    try {
      closing = true;
      workArrived.signalAll();
      visibleAdvanced.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
