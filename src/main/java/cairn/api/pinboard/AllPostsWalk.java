package cairn.api.pinboard;

import cairn.bookmark.Bookmark;
import cairn.browse.ListingPage;
import cairn.browse.ListingService;
import cairn.exchange.ExportStream;
import cairn.query.Listing;
import java.util.List;

/**
 * The bookmarks of {@code posts/all}, newest first, from the index a page of {@value #CHUNK} at a
 * time, each page after the last one's cursor: the reply streams them as it is sent, so memory
 * stays bounded by one page whatever the account's size. The first page is read when the walk is
 * made, so a listing that fails does so before the reply starts, as an error the client can read.
 */
final class AllPostsWalk implements ExportStream.Source {
  static final int CHUNK = 5_000;

  private final ListingService listings;
  private final Listing listing;
  private int left;
  private ListingPage page;
  private boolean handedOut;

  AllPostsWalk(ListingService listings, Listing listing, int start, int results) {
    this.listings = listings;
    this.listing = listing;
    this.left = results;
    this.page = listings.list(listing.withPage(start, Math.min(results, CHUNK)));
  }

  /** True when the first page is the whole reply: it can go out in one piece, with its length. */
  boolean oneChunk() {
    return page.items().size() >= left || page.earlier() == null;
  }

  @Override
  public List<Bookmark> next() {
    while (true) {
      if (!handedOut) {
        handedOut = true;
        left -= page.items().size();
        // a page can come back empty while more follow: its rows were deleted since indexing
        if (!page.items().isEmpty()) {
          return page.items();
        }
      }
      if (left <= 0 || page.earlier() == null) {
        return List.of();
      }
      page = listings.list(listing.withCursor(page.earlier()).withPage(0, Math.min(left, CHUNK)));
      handedOut = false;
    }
  }
}
