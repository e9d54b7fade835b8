package cairn.bookmark;

import cairn.tag.TagName;
import java.time.Instant;
import java.util.List;

/** A saved link with everything its owner wrote about it, as stored. */
public record Bookmark(
    long id,
    long ownerId,
    String owner,
    String url,
    String hash,
    String title,
    String notes,
    List<Quote> quotes,
    List<String> tags,
    boolean shared,
    boolean toread,
    Instant created,
    Instant updated) {

  public Bookmark {
    quotes = List.copyOf(quotes);
    tags = List.copyOf(tags);
  }

  /** A passage the owner quoted from the page, in the order quotes were added. */
  public record Quote(long id, String text, Instant created) {}

  /**
   * The bookmark as {@code viewerId} may see it: private ({@code .tag}) tags only for the owner.
   */
  public Bookmark asSeenBy(long viewerId) {
    if (isOwnedBy(viewerId) || tags.stream().noneMatch(TagName::isPrivate)) {
      return this;
    }
    List<String> shown = tags.stream().filter(t -> !TagName.isPrivate(t)).toList();
    return new Bookmark(
        id, ownerId, owner, url, hash, title, notes, quotes, shown, shared, toread, created,
        updated);
  }

  /**
   * The visibility rule for a single bookmark, wherever one is shown, edited or copied: its owner
   * sees it, others only if it is shared. Listings apply the same rule per scope ({@code
   * Listing.admits}) and, as a query, in {@code ListingQuery}.
   */
  public boolean isVisibleTo(long viewerId) {
    return shared || isOwnedBy(viewerId);
  }

  /** Whether {@code userId} owns the bookmark: only the owner may change it or see it private. */
  public boolean isOwnedBy(long userId) {
    return ownerId == userId;
  }
}
