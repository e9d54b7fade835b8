package cairn.search;

import cairn.bookmark.Bookmark;
import cairn.bookmark.UrlKey;
import cairn.query.UrlCount;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * How many people shared each URL that at least two people shared, kept by the indexer as it
 * publishes, so that "saved by N others" is a map lookup and the all-time popular ranking is a walk
 * from its head, never a pass over the whole index per request.
 *
 * <p>Only URLs with two or more shared saves are kept: one save makes no URL popular and no one
 * "saved by others", and most URLs are saved once, so the tally stays a small fraction of the
 * index. Counts follow what searches see: at each refresh the URLs of every bookmark changed since
 * the last one — as the old searcher had them and as the new one has them — are counted again from
 * the postings of {@link IndexFields#SHARED_URL_HASH}. Readers may see a new searcher a moment
 * before its counts.
 */
final class UrlTally {
  /** One save makes no URL popular and no one "saved by others". */
  static final int MIN_SAVES = 2;

  private volatile Map<String, UrlCount> byHash = new ConcurrentHashMap<>();
  private volatile NavigableSet<UrlCount> ranking = new ConcurrentSkipListSet<>(UrlCount.RANKING);

  // touched only by the indexer thread
  /** Changed bookmarks that the last searcher may hold: their old URLs are looked up there. */
  private final Set<Long> touched = new HashSet<>();

  /** URLs whose shared saves changed since the last refresh, as far as the new state tells. */
  private final Set<String> dirty = new HashSet<>();

  /** No id above this was ever in a searcher: such a bookmark is new, with no old URL to find. */
  private long maxSeenId;

  private boolean countAll = true;

  /** Bookmarks the writer changed since the last refresh, present or deleted (indexer thread). */
  void touched(Collection<Long> ids) {
    for (long id : ids) {
      if (id <= maxSeenId) {
        touched.add(id);
      }
    }
  }

  /**
   * The present state of a bookmark the writer changed since the last refresh, with its URL's
   * {@link UrlKey#hash()} (indexer thread).
   */
  void saved(Bookmark b, String hash) {
    // a private save changes no count, unless its URL is counted and it was shared before (then
    // the old URL, looked up below, is the same one and marks it)
    if (b.shared() || byHash.containsKey(hash)) {
      dirty.add(hash);
    }
    maxSeenId = Math.max(maxSeenId, b.id());
  }

  /** The next refresh counts every URL again: the searchers were replaced or rebuilt. */
  void countAllNext() {
    countAll = true;
  }

  /** Shared saves of the URL with this hash, if at least two; otherwise 0. */
  int count(String hash) {
    UrlCount c = byHash.get(hash);
    return c == null ? 0 : c.count();
  }

  /** URLs with two or more shared saves, most saved first (a live view; do not modify). */
  NavigableSet<UrlCount> ranking() {
    return ranking;
  }

  /** Refreshes the searchers and brings the counts up to what they show (indexer thread). */
  void refresh(IndexSearchers searchers) throws IOException {
    try {
      if (countAll) {
        searchers.refresh();
        searchers.search(this::countEverything);
        countAll = false;
      } else if (!touched.isEmpty() || !dirty.isEmpty()) {
        if (!touched.isEmpty()) {
          searchers.search(s -> hashesOf(s.getIndexReader(), touched, dirty));
        }
        searchers.refresh();
        searchers.search(s -> recount(s.getIndexReader(), dirty));
      } else {
        searchers.refresh();
      }
      touched.clear();
      dirty.clear();
    } catch (IOException | RuntimeException e) {
      countAll = true;
      throw e;
    }
  }

  /** Adds the URL hashes of these bookmarks (those the reader has) to {@code out}. */
  private static Void hashesOf(IndexReader reader, Collection<Long> ids, Set<String> out)
      throws IOException {
    List<BytesRef> terms = new ArrayList<>(ids.size());
    ids.forEach(id -> terms.add(new BytesRef(Long.toString(id))));
    terms.sort(null);
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      Terms idTerms = r.terms(IndexFields.ID);
      if (idTerms == null) {
        continue;
      }
      TermsEnum te = idTerms.iterator();
      PostingsEnum postings = null;
      for (BytesRef id : terms) {
        if (!te.seekExact(id)) {
          continue;
        }
        postings = te.postings(postings, PostingsEnum.NONE);
        for (int doc = postings.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = postings.nextDoc()) {
          if (live(r.getLiveDocs(), doc)) {
            SortedDocValues hashes = DocValues.getSorted(r, IndexFields.URL_HASH);
            if (hashes.advanceExact(doc)) {
              out.add(hashes.lookupOrd(hashes.ordValue()).utf8ToString());
            }
          }
        }
      }
    }
    return null;
  }

  /** Counts the shared saves of these URLs again and updates them. */
  private Void recount(IndexReader reader, Set<String> hashes) throws IOException {
    Map<String, Acc> counted = count(reader, hashes);
    for (String hash : hashes) {
      Acc acc = counted.get(hash);
      UrlCount old = byHash.get(hash);
      if (old != null) {
        ranking.remove(old);
      }
      if (acc != null && acc.count >= MIN_SAVES) {
        UrlCount next = new UrlCount(hash, acc.count, acc.newest, acc.newestId);
        byHash.put(hash, next);
        ranking.add(next);
      } else {
        byHash.remove(hash);
      }
    }
    return null;
  }

  /**
   * Counts every URL anew: walks the shared hashes of the whole index once, in term order across
   * segments, and counts only those whose document frequency could reach two.
   */
  private Void countEverything(IndexSearcher searcher) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    Map<String, UrlCount> all = new ConcurrentHashMap<>();
    NavigableSet<UrlCount> order = new ConcurrentSkipListSet<>(UrlCount.RANKING);
    Terms terms = MultiTerms.getTerms(reader, IndexFields.SHARED_URL_HASH);
    if (terms != null) {
      TermsEnum te = terms.iterator();
      Set<String> candidates = new HashSet<>();
      for (BytesRef term = te.next(); term != null; term = te.next()) {
        // docFreq counts deleted documents too, so it only rules out
        if (te.docFreq() >= MIN_SAVES) {
          candidates.add(term.utf8ToString());
        }
      }
      count(reader, candidates)
          .forEach(
              (hash, acc) -> {
                if (acc.count >= MIN_SAVES) {
                  UrlCount c = new UrlCount(hash, acc.count, acc.newest, acc.newestId);
                  all.put(hash, c);
                  order.add(c);
                }
              });
    }
    byHash = all;
    ranking = order;
    maxSeenId = Math.max(maxSeenId, maxId(reader));
    return null;
  }

  /** The live shared saves of each hash, with the newest of them. */
  private static Map<String, Acc> count(IndexReader reader, Collection<String> hashes)
      throws IOException {
    List<BytesRef> terms = new ArrayList<>(hashes.size());
    hashes.forEach(h -> terms.add(new BytesRef(h)));
    terms.sort(null);
    Map<String, Acc> counted = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      Terms shared = r.terms(IndexFields.SHARED_URL_HASH);
      if (shared == null) {
        continue;
      }
      Bits liveDocs = r.getLiveDocs();
      TermsEnum te = shared.iterator();
      PostingsEnum postings = null;
      for (BytesRef hash : terms) {
        if (!te.seekExact(hash)) {
          continue;
        }
        postings = te.postings(postings, PostingsEnum.NONE);
        // a fresh iterator per term: doc values only move forward, terms' documents do not
        NumericDocValues created = DocValues.getNumeric(r, IndexFields.CREATED);
        NumericDocValues ids = DocValues.getNumeric(r, IndexFields.ID);
        Acc acc = null;
        for (int doc = postings.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = postings.nextDoc()) {
          if (!live(liveDocs, doc)) {
            continue;
          }
          if (acc == null) {
            acc = counted.computeIfAbsent(hash.utf8ToString(), h -> new Acc());
          }
          long date = created.advanceExact(doc) ? created.longValue() : 0;
          long id = ids.advanceExact(doc) ? ids.longValue() : 0;
          acc.add(date, id);
        }
      }
    }
    return counted;
  }

  private static long maxId(IndexReader reader) throws IOException {
    long max = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues ids = DocValues.getNumeric(leaf.reader(), IndexFields.ID);
      for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
        max = Math.max(max, ids.longValue());
      }
    }
    return max;
  }

  private static boolean live(Bits liveDocs, int doc) {
    return liveDocs == null || liveDocs.get(doc);
  }

  /** Shared saves of one URL as they are counted. */
  static final class Acc {
    int count;
    long newest = Long.MIN_VALUE;
    long newestId;

    void add(long created, long id) {
      count++;
      if (created > newest || (created == newest && id > newestId)) {
        newest = created;
        newestId = id;
      }
    }

    void merge(Acc other) {
      count += other.count - 1;
      add(other.newest, other.newestId);
    }
  }
}
