package cairn.browse;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkQueries;
import cairn.journal.RecentWrites;
import cairn.search.IndexPage;
import cairn.search.Listing;
import cairn.search.SearchIndex;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
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
            .filter(b -> listing.ownView() ? b.ownerId() == listing.viewer() : b.shared())
            .map(b -> b.asSeenBy(listing.viewer()))
            .toList();
    return new ListingPage(
        items, page.total(), page.related(), page.earlier(), page.later(), listing.perPage());
  }

  /**
   * Searches once the index shows every write committed here for the people the listing shows: the
   * owner and the viewer, the people of a network and the viewer, or everyone. Writes return
   * without waiting; the read after them waits, usually not at all, since the index is woken on
   * commit.
   */
  private IndexPage search(Listing listing) {
    long needed;
    if (listing.owner() != null) {
      needed = Math.max(recent.lastSeqOf(listing.owner()), recent.lastSeqOf(listing.viewer()));
    } else if (listing.owners() != null) {
      needed = recent.lastSeqOf(listing.viewer());
      for (long person : listing.owners()) {
        needed = Math.max(needed, recent.lastSeqOf(person));
      }
    } else {
      needed = recent.lastSeq();
    }
    if (needed > index.visibleSeq() && !index.awaitVisible(needed, READ_YOUR_WRITES_BOUND)) {
      LOG.warn("Listing before the index reached journal position {}", needed);
    }
    return index.list(listing);
  }
}
