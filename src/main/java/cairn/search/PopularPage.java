package cairn.search;

import cairn.query.Cursor;
import cairn.query.PopularCursor;
import cairn.query.UrlCount;
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
      items = take(ranking.tailSet(probe(cursor), false).iterator(), perPage + 1);
      earlier = items.size() > perPage;
      later = !ranking.headSet(probe(cursor), true).isEmpty();
    } else {
      items = take(ranking.headSet(probe(cursor), false).descendingIterator(), perPage + 1);
      later = items.size() > perPage;
      earlier = !ranking.tailSet(probe(cursor), true).isEmpty();
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
            ? after(Cursor.Direction.EARLIER, items.get(items.size() - 1))
            : null,
        later && !items.isEmpty() ? after(Cursor.Direction.LATER, items.get(0)) : null);
  }

  private static List<UrlCount> take(Iterator<UrlCount> from, int n) {
    List<UrlCount> out = new ArrayList<>(Math.min(n, 200));
    while (out.size() < n && from.hasNext()) {
      out.add(from.next());
    }
    return out;
  }

  /** The cursor that goes on from {@code at} in {@code direction}. */
  private static PopularCursor after(Cursor.Direction direction, UrlCount at) {
    return new PopularCursor(direction, at.count(), at.newest(), at.hash());
  }

  /** Where the cursor stands in the ranking. */
  private static UrlCount probe(PopularCursor cursor) {
    return new UrlCount(cursor.hash(), cursor.count(), cursor.newest(), 0);
  }
}
