package cairn.search;

import cairn.query.Cursor;
import cairn.query.Listing;
import cairn.query.TagCount;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * What the index answers for a listing: the page's bookmarks in order (ids and dates), the total
 * (exact when {@link Listing.Count#TOTAL} was asked for, otherwise at least the matches up to the
 * page and one beyond it), the related tags and matches per UTC day (when asked), and whether there
 * is anything earlier or later than the page.
 */
public record IndexPage(
    List<Hit> hits,
    long total,
    List<TagCount> related,
    SortedMap<LocalDate, Integer> days,
    boolean hasEarlier,
    boolean hasLater) {

  /** One bookmark on the page, with the key that places it in the listing's order. */
  public record Hit(long id, long created) {}

  /** The cursor to the page after this one (older bookmarks), if there is one. */
  public Cursor earlier() {
    if (!hasEarlier || hits.isEmpty()) {
      return null;
    }
    Hit last = hits.get(hits.size() - 1);
    return new Cursor(Cursor.Direction.EARLIER, last.created(), last.id());
  }

  /** The cursor to the page before this one (newer bookmarks), if there is one. */
  public Cursor later() {
    if (!hasLater || hits.isEmpty()) {
      return null;
    }
    Hit first = hits.get(0);
    return new Cursor(Cursor.Direction.LATER, first.created(), first.id());
  }
}
