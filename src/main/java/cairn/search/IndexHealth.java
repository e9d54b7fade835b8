package cairn.search;

import io.micronaut.core.annotation.Nullable;

/**
 * How the index is doing, for the health check: its state, why when it is not up, the journal
 * position listings show, and how many journal rows they lag behind the store.
 */
public record IndexHealth(State state, @Nullable String reason, long visibleSeq, long behind) {
  public enum State {
    /** Listings are answered and new changes flow in. */
    UP,
    /** Listings are answered, but what changed since {@link #visibleSeq} does not show yet. */
    DEGRADED,
    /** Listings cannot be answered (the index is being rebuilt or has closed). */
    DOWN
  }
}
