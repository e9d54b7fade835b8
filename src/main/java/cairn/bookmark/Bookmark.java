package cairn.bookmark;

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
    if (ownerId == viewerId || tags.stream().noneMatch(t -> t.startsWith("."))) {
      return this;
    }
    List<String> shown = tags.stream().filter(t -> !t.startsWith(".")).toList();
    return new Bookmark(
        id, ownerId, owner, url, hash, title, notes, quotes, shown, shared, toread, created,
        updated);
  }

  /**
   * The one visibility rule for a single bookmark: its owner sees it, others only if it is shared.
   */
  public boolean isVisibleTo(long viewerId) {
    return shared || ownerId == viewerId;
  }
}
