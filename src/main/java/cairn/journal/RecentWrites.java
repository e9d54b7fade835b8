package cairn.journal;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The journal positions this process has committed: the latest overall and the latest per user.
 * Listings wait for the positions of the people they show (read-your-writes, DESIGN.md §3), and the
 * index is woken on every commit instead of waiting for its next poll.
 */
@Singleton
public class RecentWrites {
  private final ConcurrentHashMap<Long, Long> byUser = new ConcurrentHashMap<>();
  private final AtomicLong latest = new AtomicLong();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** Called once a transaction that wrote {@code seq} for {@code userId} has committed. */
  void committed(long userId, long seq) {
    byUser.merge(userId, seq, Math::max);
    latest.accumulateAndGet(seq, Math::max);
    listeners.forEach(Runnable::run);
  }

  /** The last position committed here for the user's bookmarks, or 0. */
  public long lastSeqOf(long userId) {
    return byUser.getOrDefault(userId, 0L);
  }

  /** The last position committed here, or 0. */
  public long lastSeq() {
    return latest.get();
  }

  /** Runs {@code listener} after every commit that wrote to the journal. */
  public void onCommit(Runnable listener) {
    listeners.add(listener);
  }
}
