package cairn.search;

import cairn.query.UrlCount;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;

/**
 * The popular ranking of a time window: the shared saves created since its start, grouped by URL
 * hash through doc values. Costs the saves in the window (the index is sorted newest first, so each
 * segment's matches are a run at its head), never the whole index.
 */
final class WindowRanking implements Collector {
  /** One segment's groups by hash ordinal, resolved to hashes once the search is done. */
  private record SegmentGroups(SortedDocValues hashes, Map<Integer, UrlTally.Acc> byOrd) {}

  private final List<SegmentGroups> segments = new ArrayList<>();

  static NavigableSet<UrlCount> since(IndexSearcher searcher, long fromMillis) throws IOException {
    Query query =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(IndexFields.SHARED, IndexFields.YES)), Occur.FILTER)
            .add(
                LongPoint.newRangeQuery(IndexFields.CREATED, fromMillis, Long.MAX_VALUE),
                Occur.FILTER)
            .build();
    WindowRanking all = searcher.search(query, manager());
    return all.ranking();
  }

  private static CollectorManager<WindowRanking, WindowRanking> manager() {
    return new CollectorManager<>() {
      @Override
      public WindowRanking newCollector() {
        return new WindowRanking();
      }

      @Override
      public WindowRanking reduce(Collection<WindowRanking> collectors) {
        WindowRanking first = new WindowRanking();
        collectors.forEach(c -> first.segments.addAll(c.segments));
        return first;
      }
    };
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    var reader = context.reader();
    SortedDocValues hashes = DocValues.getSorted(reader, IndexFields.URL_HASH);
    NumericDocValues created = DocValues.getNumeric(reader, IndexFields.CREATED);
    NumericDocValues ids = DocValues.getNumeric(reader, IndexFields.ID);
    SegmentGroups groups = new SegmentGroups(hashes, new HashMap<>());
    segments.add(groups);
    return new LeafCollector() {
      @Override
      public void setScorer(Scorable scorer) {}

      @Override
      public void collect(int doc) throws IOException {
        if (!hashes.advanceExact(doc)) {
          return;
        }
        long date = created.advanceExact(doc) ? created.longValue() : 0;
        long id = ids.advanceExact(doc) ? ids.longValue() : 0;
        groups.byOrd.computeIfAbsent(hashes.ordValue(), o -> new UrlTally.Acc()).add(date, id);
      }
    };
  }

  private NavigableSet<UrlCount> ranking() throws IOException {
    Map<String, UrlTally.Acc> byHash = new HashMap<>();
    for (SegmentGroups segment : segments) {
      for (var e : segment.byOrd.entrySet()) {
        String hash = segment.hashes.lookupOrd(e.getKey()).utf8ToString();
        UrlTally.Acc acc = byHash.computeIfAbsent(hash, h -> new UrlTally.Acc());
        acc.merge(e.getValue());
      }
    }
    NavigableSet<UrlCount> ranking = new TreeSet<>(UrlCount.RANKING);
    byHash.forEach(
        (hash, acc) -> {
          if (acc.count >= UrlTally.MIN_SAVES) {
            ranking.add(new UrlCount(hash, acc.count, acc.newest, acc.newestId));
          }
        });
    return ranking;
  }
}
