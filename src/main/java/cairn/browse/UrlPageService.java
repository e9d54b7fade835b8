package cairn.browse;

import cairn.bookmark.Bookmark;
import cairn.bookmark.UrlKey;
import cairn.input.InvalidInputException;
import cairn.input.NotFoundException;
import cairn.query.Cursor;
import cairn.query.Listing;
import cairn.search.SearchIndex;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Answers URL pages, {@code /url:HASH}: everyone's shared saves of one normalized URL through the
 * one listing engine (its {@code urlKey} filter), plus the viewer's own save.
 */
@Singleton
public class UrlPageService {
  private final ListingService listings;
  private final SearchIndex index;

  UrlPageService(ListingService listings, SearchIndex index) {
    this.listings = listings;
    this.index = index;
  }

  /**
   * The hash as a client wrote it, checked and lower-cased; throws naming {@code hash} if it is not
   * 32 hex digits.
   */
  public static String hash(String text) {
    String hash = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (!UrlKey.isHash(hash)) {
      throw new InvalidInputException(
          "hash", "must be 32 hex digits, the MD5 of the normalized URL; got '" + text + "'");
    }
    return hash;
  }

  /**
   * A page of the URL's saves; the first page without a cursor (what a feed of the page shows). Not
   * found when the viewer may see no save of it: someone else's private save is not there.
   */
  public UrlPage page(long viewer, String hashText, @Nullable Cursor cursor, int perPage) {
    String hash = hash(hashText);
    listings.awaitWrites(null, viewer);
    String key =
        index
            .findUrlKey(viewer, hash)
            .orElseThrow(() -> new NotFoundException("No saved URL has the hash " + hash));
    ListingPage saves =
        listings.list(
            Listing.of(viewer, null).withUrlKey(key).withCursor(cursor).withPerPage(perPage));
    Bookmark yours = null;
    if (viewer != Listing.ANONYMOUS) {
      yours =
          listings
              .list(Listing.of(viewer, viewer).withUrlKey(key).withPerPage(1).withCounts(null))
              .items()
              .stream()
              .findFirst()
              .orElse(null);
    }
    if (saves.total() == 0 && yours == null) {
      throw new NotFoundException("No saved URL has the hash " + hash);
    }
    return new UrlPage(
        hash,
        key,
        saves,
        yours,
        saves.relatedByCount().stream().limit(UrlPage.CLOUD_SIZE).toList());
  }

  /** The page of a URL as written (the JSON API's {@code ?url=}); throws naming {@code url}. */
  public UrlPage pageOfUrl(long viewer, String url, @Nullable Cursor cursor, int perPage) {
    return page(viewer, UrlKey.of(url).hash(), cursor, perPage);
  }
}
