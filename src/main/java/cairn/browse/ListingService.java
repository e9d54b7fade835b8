package cairn.browse;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkQueries;
import cairn.bookmark.UrlKey;
import cairn.input.InvalidInputException;
import cairn.journal.RecentWrites;
import cairn.query.Listing;
import cairn.search.IndexPage;
import cairn.search.SearchIndex;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every listing — pages, API, feeds, exports — the same way: the index finds, counts and
 * orders; the store hydrates the page's rows by id in the index's order.
 */
@Singleton
public class ListingService {
  /** How long a listing waits for the index to show writes it must show; then it answers anyway. */
  static final Duration READ_YOUR_WRITES_BOUND = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(ListingService.class);
  private final SearchIndex index;
  private final BookmarkQueries bookmarks;
  private final RecentWrites recent;

  ListingService(SearchIndex index, BookmarkQueries bookmarks, RecentWrites recent) {
    this.index = index;
    this.bookmarks = bookmarks;
    this.recent = recent;
  }

  /** Matches per UTC day (Pinboard's posts/dates); the listing must ask for {@code DAYS}. */
  public java.util.SortedMap<java.time.LocalDate, Integer> days(Listing listing) {
    return search(listing).days();
  }

  public ListingPage list(Listing listing) {
    IndexPage page = search(listing);
    // The store may be a moment ahead of the index: re-check what the viewer may see of each row.
    List<Bookmark> items =
        bookmarks.list(page.hits().stream().map(IndexPage.Hit::id).toList()).stream()
            .filter(listing::admits)
            .map(b -> b.asSeenBy(listing.viewer()))
            .toList();
    return new ListingPage(
        items,
        page.total(),
        page.related(),
        page.earlier(),
        page.later(),
        listing.perPage(),
        others(items),
        index.passages(listing, items));
  }

  /**
   * "Saved by N others" for each shared row: a lookup per row in the counts the index keeps as it
   * publishes, never a query per row.
   */
  private Map<Long, Integer> others(List<Bookmark> items) {
    Map<Long, Integer> others = new HashMap<>();
    for (Bookmark b : items) {
      int saves = b.shared() ? index.sharedSaves(UrlKey.of(b.url()).hash()) : 0;
      if (saves > 1) {
        others.put(b.id(), saves - 1);
      }
    }
    return others;
  }

  /**
   * How many people other than the viewer shared a save of this URL (what the bookmarklet's popup
   * shows for a URL already known); 0 for a URL that is not a savable one.
   */
  public int savedByOthers(long viewer, String url) {
    UrlKey key;
    try {
      key = UrlKey.of(url);
    } catch (InvalidInputException e) {
      return 0;
    }
    int saves = index.sharedSaves(key.hash());
    if (saves == 0) {
      return 0;
    }
    boolean mineShared =
        bookmarks
            .findIdByUrl(viewer, key)
            .flatMap(bookmarks::find)
            .map(Bookmark::shared)
            .orElse(false);
    return mineShared ? saves - 1 : saves;
  }

  /**
   * Searches once the index shows every write committed here for the people the listing shows: the
   * owner and the viewer, the people of a network and the viewer, or everyone. Writes return
   * without waiting; the read after them waits, usually not at all, since the index is woken on
   * commit.
   */
  private IndexPage search(Listing listing) {
    awaitWrites(listing);
    return index.list(listing);
  }

  /**
   * Waits (bounded) until the index shows every write committed here by {@code owner} and {@code
   * viewer}, or by anyone when {@code owner} is null: what a read of theirs must show.
   */
  void awaitWrites(@Nullable Long owner, long viewer) {
    awaitSeq(
        owner == null
            ? recent.lastSeq()
            : Math.max(recent.lastSeqOf(owner), recent.lastSeqOf(viewer)));
  }

  private void awaitWrites(Listing listing) {
    if (listing.owner() == null && listing.owners() != null) {
      long needed = recent.lastSeqOf(listing.viewer());
      for (long person : listing.owners()) {
        needed = Math.max(needed, recent.lastSeqOf(person));
      }
      awaitSeq(needed);
    } else {
      awaitWrites(listing.owner(), listing.viewer());
    }
  }

  private void awaitSeq(long needed) {
    if (needed > index.visibleSeq() && !index.awaitVisible(needed, READ_YOUR_WRITES_BOUND)) {
      LOG.warn("Listing before the index reached journal position {}", needed);
    }
  }
}
