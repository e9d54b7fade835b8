package cairn.search;

import cairn.query.Cursor;
import cairn.query.Listing;
import cairn.query.TagCount;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * One pass over every match of a listing that yields everything the page shows: the total, the
 * count of every tag among the matches, how many matches lie before and after the cursor, and the
 * page itself (a bounded heap of the nearest matches past the cursor). A listing that counts
 * nothing stops each segment once the page is full and a match beyond it was seen.
 *
 * <p>Tag counting reads each match's tag ordinals from doc values, maps them to {@link
 * TagVocabulary} ids (a per-segment array, made once in the segment's life) and adds to one
 * reusable count array (tens of ns per match); names are looked up once per distinct tag at the
 * end, never decoded per segment.
 */
final class ListingCollector implements Collector {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  /** A match's place in listing order. */
  record Key(long created, long id) {}

  private final Cursor cursor;
  private final int offset;
  private final int pageSize;
  private final boolean countTags;
  private final boolean countPrivateTags;
  private final boolean countDays;

  /** Something is counted over every match, so the search must see them all. */
  private final boolean seesAll;

  private final Map<Long, Integer> days = new HashMap<>();
  private final PriorityQueue<Key> page;
  private final TagVocabulary vocabulary;
  private final TagTally tally;
  long total;
  long newerThanCursor;
  long olderThanCursor;

  ListingCollector(Listing listing, TagVocabulary vocabulary) {
    this.vocabulary = vocabulary;
    this.cursor = listing.cursor();
    this.offset = listing.offset();
    // the heap keeps the skipped matches too, then drops them
    this.pageSize = listing.offset() + listing.perPage();
    this.countTags = listing.counts().contains(Listing.Count.RELATED_TAGS);
    this.countPrivateTags = countTags && listing.ownView();
    this.countDays = listing.counts().contains(Listing.Count.DAYS);
    this.seesAll = !listing.counts().isEmpty();
    this.tally = countTags ? vocabulary.tally() : null;
    // the heap's head is the candidate to drop: the oldest when paging earlier, the newest when
    // later
    this.page =
        new PriorityQueue<>(
            Math.min(pageSize, 10_000) + 1,
            laterPage() ? (a, b) -> compare(b, a) : ListingCollector::compare);
  }

  static CollectorManager<ListingCollector, ListingCollector> manager(
      Listing listing, TagVocabulary vocabulary) {
    return new CollectorManager<>() {
      @Override
      public ListingCollector newCollector() {
        return new ListingCollector(listing, vocabulary);
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
    SegmentTags tags = countTags ? segmentTags(reader, IndexFields.TAG_NAME) : null;
    SegmentTags privateTags =
        countPrivateTags ? segmentTags(reader, IndexFields.PRIVATE_TAG_NAME) : null;
    return new LeafCollector() {
      // Segments are sorted newest first (the index sort), so once a match is too old for a full
      // page, every later match of this segment is too: they are only counted from then on.
      private boolean pastPage;

      @Override
      public void setScorer(Scorable scorer) {}

      @Override
      public void collect(int doc) throws IOException {
        total++;
        if (tags != null) {
          tags.count(doc);
        }
        if (privateTags != null) {
          privateTags.count(doc);
        }
        if (pastPage && !countDays) {
          if (!seesAll) {
            // nothing asks for the rest: the page is full and more are known to lie beyond it
            throw new CollectionTerminatedException();
          }
          if (cursor != null) {
            olderThanCursor++;
          }
          return;
        }
        long date = created.advanceExact(doc) ? created.longValue() : 0;
        if (countDays) {
          days.merge(Math.floorDiv(date, MILLIS_PER_DAY), 1, Integer::sum);
        }
        if (pastPage) {
          olderThanCursor += cursor != null ? 1 : 0;
          return;
        }
        long id = ids.advanceExact(doc) ? ids.longValue() : 0;
        pastPage = offer(date, id);
      }
    };
  }

  /** Counts the match against the cursor and offers it to the page; true if past a full page. */
  private boolean offer(long created, long id) {
    if (cursor != null) {
      int side = cursor.compareKey(created, id);
      if (side > 0) {
        newerThanCursor++;
      } else if (side < 0) {
        olderThanCursor++;
      }
      if (laterPage() ? side <= 0 : side >= 0) {
        return false;
      }
    }
    return !keep(created, id) && !laterPage();
  }

  /** Keeps the key if it belongs on the page (allocating only then); false if it does not. */
  private boolean keep(long created, long id) {
    if (page.size() < pageSize) {
      page.add(new Key(created, id));
      return true;
    }
    Key head = page.peek();
    int byDate = Long.compare(created, head.created);
    int versusHead = byDate != 0 ? byDate : Long.compare(id, head.id);
    if (laterPage() ? versusHead < 0 : versusHead > 0) {
      page.poll();
      page.add(new Key(created, id));
      return true;
    }
    return false;
  }

  private SegmentTags segmentTags(LeafReader reader, String field) throws IOException {
    int[] ids = vocabulary.ordinalIds(reader, field);
    tally.ensure(vocabulary.size());
    return new SegmentTags(DocValues.getSortedSet(reader, field), ids, tally);
  }

  private void merge(ListingCollector other) {
    total += other.total;
    newerThanCursor += other.newerThanCursor;
    olderThanCursor += other.olderThanCursor;
    if (tally != null) {
      tally.addAll(other.tally);
    }
    other.days.forEach((day, n) -> days.merge(day, n, Integer::sum));
    other.page.forEach(k -> keep(k.created, k.id));
  }

  /**
   * What the listing shows: the page, the counts, and whether matches lie beyond the page on either
   * side (counted past the cursor, so a page knows its neighbours without a second search).
   */
  IndexPage page() {
    boolean earlier;
    boolean later;
    if (cursor == null) {
      earlier = total > pageSize;
      later = false;
    } else if (cursor.direction() == Cursor.Direction.EARLIER) {
      earlier = olderThanCursor > pageSize;
      later = total - olderThanCursor > 0;
    } else {
      earlier = total - newerThanCursor > 0;
      later = newerThanCursor > pageSize;
    }
    return new IndexPage(pageHits(), total, related(), dayCounts(), earlier, later);
  }

  /** The page, newest first, after the skipped matches. */
  private List<IndexPage.Hit> pageHits() {
    List<Key> keys = new ArrayList<>(page);
    // for a later page, the skipped matches are the ones nearest the cursor: the oldest
    keys.sort(laterPage() ? ListingCollector::compare : (a, b) -> compare(b, a));
    List<Key> kept = keys.subList(Math.min(offset, keys.size()), keys.size());
    List<IndexPage.Hit> hits = new ArrayList<>(kept.size());
    kept.forEach(k -> hits.add(new IndexPage.Hit(k.id, k.created)));
    if (laterPage()) {
      java.util.Collections.reverse(hits);
    }
    return hits;
  }

  /** Matches per UTC day, when asked for. */
  private SortedMap<LocalDate, Integer> dayCounts() {
    SortedMap<LocalDate, Integer> result = new TreeMap<>();
    days.forEach((day, n) -> result.put(LocalDate.ofEpochDay(day), n));
    return result;
  }

  /** The tags among all matches with their counts, alphabetical (empty unless counted). */
  private List<TagCount> related() {
    return tally == null ? List.of() : vocabulary.related(tally);
  }

  /** Adds one segment's matches' tags to the listing's tally, by vocabulary id. */
  private record SegmentTags(SortedSetDocValues values, int[] ids, TagTally tally) {
    void count(int doc) throws IOException {
      if (values.advanceExact(doc)) {
        for (int i = values.docValueCount(); i > 0; i--) {
          tally.add(ids[(int) values.nextOrd()]);
        }
      }
    }
  }
}
