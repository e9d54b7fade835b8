package cairn.search;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;

/** A page of the popular ranking, with the cursors to the pages on either side, if any. */
public record PopularPage(
    List<UrlCount> items, @Nullable PopularCursor earlier, @Nullable PopularCursor later) {

  /** The page of {@code ranking} (in {@link UrlCount#RANKING} order) that {@code cursor} names. */
  static PopularPage of(
      NavigableSet<UrlCount> ranking, @Nullable PopularCursor cursor, int perPage) {
    List<UrlCount> items;
    boolean earlier;
    boolean later;
    if (cursor == null) {
      items = take(ranking.iterator(), perPage + 1);
      earlier = items.size() > perPage;
      later = false;
    } else if (cursor.direction() == Cursor.Direction.EARLIER) {
      items = take(ranking.tailSet(cursor.probe(), false).iterator(), perPage + 1);
      earlier = items.size() > perPage;
      later = !ranking.headSet(cursor.probe(), true).isEmpty();
    } else {
      items = take(ranking.headSet(cursor.probe(), false).descendingIterator(), perPage + 1);
      later = items.size() > perPage;
      earlier = !ranking.tailSet(cursor.probe(), true).isEmpty();
    }
    if (items.size() > perPage) {
      items.remove(items.size() - 1);
    }
    if (cursor != null && cursor.direction() == Cursor.Direction.LATER) {
      Collections.reverse(items);
    }
    return new PopularPage(
        items,
        earlier && !items.isEmpty()
            ? PopularCursor.after(Cursor.Direction.EARLIER, items.get(items.size() - 1))
            : null,
        later && !items.isEmpty()
            ? PopularCursor.after(Cursor.Direction.LATER, items.get(0))
            : null);
  }

  private static List<UrlCount> take(Iterator<UrlCount> from, int n) {
    List<UrlCount> out = new ArrayList<>(Math.min(n, 200));
    while (out.size() < n && from.hasNext()) {
      out.add(from.next());
    }
    return out;
  }
}
