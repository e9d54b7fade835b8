package cairn.browse;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkQueries;
import cairn.query.Listing;
import cairn.query.PopularCursor;
import cairn.query.UrlCount;
import cairn.search.PopularPage;
import cairn.search.SearchIndex;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers popular: the index ranks the URLs (all time from the counts it keeps, a window from the
 * saves in it), the store hydrates each URL's newest shared save to show it by.
 */
@Singleton
public class PopularService {
  private final SearchIndex index;
  private final BookmarkQueries bookmarks;
  private final Clock clock;
  private final ListingService listings;

  PopularService(
      SearchIndex index, BookmarkQueries bookmarks, Clock clock, ListingService listings) {
    this.index = index;
    this.bookmarks = bookmarks;
    this.clock = clock;
    this.listings = listings;
  }

  /** A page of popular URLs; the first one without a cursor (what a feed of popular shows). */
  public Popular list(PopularWindow window, @Nullable PopularCursor cursor, int perPage) {
    listings.awaitWrites(null, Listing.ANONYMOUS);
    PopularPage page = index.popular(window.since(clock.instant()), cursor, perPage);
    Map<Long, Bookmark> newest =
        bookmarks.list(page.items().stream().map(UrlCount::newestId).toList()).stream()
            .collect(Collectors.toMap(Bookmark::id, Function.identity()));
    List<Popular.Entry> entries = new ArrayList<>(page.items().size());
    for (UrlCount c : page.items()) {
      Bookmark b = newest.get(c.newestId());
      // the store may be a moment ahead of the index: a save made private since is not shown
      if (b != null && b.shared()) {
        entries.add(new Popular.Entry(c, b.asSeenBy(Listing.ANONYMOUS)));
      }
    }
    return new Popular(window, entries, page.earlier(), page.later(), perPage);
  }
}
