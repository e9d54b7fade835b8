package cairn.api;

import cairn.bookmark.BookmarkService.Saved;
import cairn.search.SearchIndex;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a write's response until the index shows the write, so a client's next listing includes it
 * (DESIGN.md §3, read-your-writes). Bounded: past the bound the write stands and the response goes.
 */
@Singleton
public final class ReadYourWrites {
  private static final Logger LOG = LoggerFactory.getLogger(ReadYourWrites.class);
  static final Duration BOUND = Duration.ofSeconds(5);

  private final SearchIndex index;

  ReadYourWrites(SearchIndex index) {
    this.index = index;
  }

  public Saved await(Saved saved) {
    await(saved.seq());
    return saved;
  }

  public long await(long seq) {
    if (!index.awaitVisible(seq, BOUND)) {
      LOG.warn("The index did not reach journal position {} within {}", seq, BOUND);
    }
    return seq;
  }
}
