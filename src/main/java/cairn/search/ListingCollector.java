package cairn.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * One pass over every match of a listing that yields everything the page shows: the total, the
 * count of every tag among the matches, how many matches lie before and after the cursor, and the
 * page itself (a bounded heap of the nearest matches past the cursor).
 *
 * <p>Tag counting reads each match's tag ordinals from doc values into a per-segment array (tens of
 * ns per match) and resolves ordinals to names only once per segment at the end.
 */
final class ListingCollector implements Collector {
  /** A match's place in listing order. */
  record Key(long created, long id) {}

  private final Cursor cursor;
  private final int pageSize;
  private final boolean countPrivateTags;
  private final PriorityQueue<Key> page;
  private final List<SegmentTags> segments = new ArrayList<>();
  long total;
  long newerThanCursor;
  long olderThanCursor;

  ListingCollector(Cursor cursor, int pageSize, boolean countPrivateTags) {
    this.cursor = cursor;
    this.pageSize = pageSize;
    this.countPrivateTags = countPrivateTags;
    // the heap's head is the candidate to drop: the oldest when paging earlier, the newest when
    // later
    this.page =
        new PriorityQueue<>(
            pageSize + 1, laterPage() ? (a, b) -> compare(b, a) : ListingCollector::compare);
  }

  static CollectorManager<ListingCollector, ListingCollector> manager(
      Cursor cursor, int pageSize, boolean countPrivateTags) {
    return new CollectorManager<>() {
      @Override
      public ListingCollector newCollector() {
        return new ListingCollector(cursor, pageSize, countPrivateTags);
      }

      @Override
      public ListingCollector reduce(Collection<ListingCollector> collectors) {
        ListingCollector first = null;
        for (ListingCollector c : collectors) {
          if (first == null) {
            first = c;
          } else {
            first.merge(c);
          }
        }
        return first;
      }
    };
  }

  private boolean laterPage() {
    return cursor != null && cursor.direction() == Cursor.Direction.LATER;
  }

  private static int compare(Key a, Key b) {
    int byDate = Long.compare(a.created, b.created);
    return byDate != 0 ? byDate : Long.compare(a.id, b.id);
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    var reader = context.reader();
    NumericDocValues created = DocValues.getNumeric(reader, IndexFields.CREATED);
    NumericDocValues ids = DocValues.getNumeric(reader, IndexFields.ID);
    SegmentTags tags = new SegmentTags(DocValues.getSortedSet(reader, IndexFields.TAG_NAME));
    SegmentTags privateTags =
        countPrivateTags
            ? new SegmentTags(DocValues.getSortedSet(reader, IndexFields.PRIVATE_TAG_NAME))
            : null;
    segments.add(tags);
    if (privateTags != null) {
      segments.add(privateTags);
    }
    return new LeafCollector() {
      @Override
      public void setScorer(Scorable scorer) {}

      @Override
      public void collect(int doc) throws IOException {
        total++;
        tags.count(doc);
        if (privateTags != null) {
          privateTags.count(doc);
        }
        long date = created.advanceExact(doc) ? created.longValue() : 0;
        long id = ids.advanceExact(doc) ? ids.longValue() : 0;
        offer(date, id);
      }
    };
  }

  private void offer(long created, long id) {
    if (cursor != null) {
      int side = cursor.compareKey(created, id);
      if (side > 0) {
        newerThanCursor++;
      } else if (side < 0) {
        olderThanCursor++;
      }
      if (laterPage() ? side <= 0 : side >= 0) {
        return;
      }
    }
    keep(created, id);
  }

  /** Keeps the key if it belongs on the page; allocates only for keys that do. */
  private void keep(long created, long id) {
    if (page.size() < pageSize) {
      page.add(new Key(created, id));
      return;
    }
    Key head = page.peek();
    int byDate = Long.compare(created, head.created);
    int versusHead = byDate != 0 ? byDate : Long.compare(id, head.id);
    if (laterPage() ? versusHead < 0 : versusHead > 0) {
      page.poll();
      page.add(new Key(created, id));
    }
  }

  private void merge(ListingCollector other) {
    total += other.total;
    newerThanCursor += other.newerThanCursor;
    olderThanCursor += other.olderThanCursor;
    segments.addAll(other.segments);
    other.page.forEach(k -> keep(k.created, k.id));
  }

  /** The page, newest first. */
  List<IndexPage.Hit> pageHits() {
    List<Key> keys = new ArrayList<>(page);
    keys.sort((a, b) -> compare(b, a));
    return keys.stream().map(k -> new IndexPage.Hit(k.id, k.created)).toList();
  }

  /** Count per tag name over all matches. */
  Map<String, Integer> tagCounts() throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    for (SegmentTags segment : segments) {
      segment.addTo(counts);
    }
    return counts;
  }

  /** Tag ordinal counts for one segment's doc values. */
  private static final class SegmentTags {
    private final SortedSetDocValues values;
    private final int[] counts;

    SegmentTags(SortedSetDocValues values) {
      this.values = values;
      this.counts = new int[Math.toIntExact(values.getValueCount())];
    }

    void count(int doc) throws IOException {
      if (values.advanceExact(doc)) {
        for (int i = values.docValueCount(); i > 0; i--) {
          counts[(int) values.nextOrd()]++;
        }
      }
    }

    void addTo(Map<String, Integer> total) throws IOException {
      for (int ord = 0; ord < counts.length; ord++) {
        if (counts[ord] > 0) {
          total.merge(values.lookupOrd(ord).utf8ToString(), counts[ord], Integer::sum);
        }
      }
    }
  }
}
