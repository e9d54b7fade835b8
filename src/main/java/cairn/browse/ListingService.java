package cairn.browse;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkQueries;
import cairn.search.IndexPage;
import cairn.search.Listing;
import cairn.search.SearchIndex;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Answers every listing — pages, API, feeds, exports — the same way: the index finds, counts and
 * orders; the store hydrates the page's rows by id in the index's order.
 */
@Singleton
public class ListingService {
  private final SearchIndex index;
  private final BookmarkQueries bookmarks;

  ListingService(SearchIndex index, BookmarkQueries bookmarks) {
    this.index = index;
    this.bookmarks = bookmarks;
  }

  /** Matches per UTC day (Pinboard's posts/dates); the listing must ask for {@code DAYS}. */
  public java.util.SortedMap<java.time.LocalDate, Integer> days(Listing listing) {
    return index.list(listing).days();
  }

  public ListingPage list(Listing listing) {
    IndexPage page = index.list(listing);
    // The store may be a moment ahead of the index: re-check what the viewer may see of each row.
    List<Bookmark> items =
        bookmarks.list(page.hits().stream().map(IndexPage.Hit::id).toList()).stream()
            .filter(b -> listing.ownView() ? b.ownerId() == listing.viewer() : b.shared())
            .map(b -> b.asSeenBy(listing.viewer()))
            .toList();
    return new ListingPage(
        items, page.total(), page.related(), page.earlier(), page.later(), listing.perPage());
  }
}
