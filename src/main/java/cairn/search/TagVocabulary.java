package cairn.search;

import cairn.tag.TagName;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Every tag name the index has held, each with a small int id, its key, and the id of its key, so
 * that counting a listing's tags adds to an int array and turns ids into names once, at the end.
 *
 * <p>Each segment's tag ordinals are mapped to ids once in the segment's life (segments never
 * change; the map goes when the segment closes), instead of decoding every counted ordinal to a
 * string per listing. Ids are never reused; a name seen once keeps its id while the process runs.
 */
final class TagVocabulary {
  private final Map<String, Integer> ids = new HashMap<>();
  private final Map<String, Integer> keyIds = new HashMap<>();
  private final Map<FieldKey, int[]> segments = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Tally> spare = new ConcurrentLinkedQueue<>();
  private volatile Entries entries = new Entries(new String[0], new String[0], new int[0], 0, 0);
  private volatile Ranking ranking = new Ranking(new int[0], 0);

  /** The id arrays, replaced whole when they grow, so readers never see a half-written one. */
  private record Entries(String[] names, String[] keys, int[] keyOf, int size, int keyCount) {}

  /** A segment (by its core, which outlives deletions) and a tag field of it. */
  private record FieldKey(IndexReader.CacheKey segment, String field) {}

  /** The id of each ordinal of this segment's tag field, mapped on first use. */
  int[] ordinalIds(LeafReader reader, String field) throws IOException {
    IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
    if (helper == null) {
      return map(DocValues.getSortedSet(reader, field));
    }
    FieldKey key = new FieldKey(helper.getKey(), field);
    int[] cached = segments.get(key);
    if (cached == null) {
      cached = map(DocValues.getSortedSet(reader, field));
      if (segments.putIfAbsent(key, cached) == null) {
        helper.addClosedListener(closed -> segments.remove(new FieldKey(closed, field)));
      }
    }
    return cached;
  }

  private int[] map(SortedSetDocValues values) throws IOException {
    int[] map = new int[Math.toIntExact(values.getValueCount())];
    TermsEnum terms = values.termsEnum();
    int ord = 0;
    synchronized (this) {
      for (BytesRef term; (term = terms.next()) != null; ) {
        map[ord++] = intern(term.utf8ToString());
      }
    }
    return map;
  }

  /** The id of a tag name, adding it if new; callers hold the lock. */
  private int intern(String name) {
    Integer known = ids.get(name);
    if (known != null) {
      return known;
    }
    Entries e = entries;
    int id = e.size;
    String key = TagName.keyOf(name);
    Integer keyId = keyIds.get(key);
    int keyCount = e.keyCount;
    if (keyId == null) {
      keyId = keyCount++;
      keyIds.put(key, keyId);
    }
    String[] names = e.names;
    String[] keys = e.keys;
    int[] keyOf = e.keyOf;
    if (id == names.length) {
      int grown = Math.max(1024, names.length * 2);
      names = Arrays.copyOf(names, grown);
      keys = Arrays.copyOf(keys, grown);
      keyOf = Arrays.copyOf(keyOf, grown);
    }
    names[id] = name;
    keys[id] = key.equals(name) ? name : key;
    keyOf[id] = keyId;
    ids.put(name, id);
    entries = new Entries(names, keys, keyOf, id + 1, keyCount);
    return id;
  }

  /** A counting scratch space, reused across listings; give it back with {@link #related}. */
  Tally tally() {
    Tally t = spare.poll();
    return t != null ? t : new Tally();
  }

  /**
   * The related tags of a finished count, alphabetical by key, spellings of one key merged under
   * the most used one; gives the tally back for reuse.
   *
   * <p>Keys are ordered by their alphabetical rank, an int per key computed once for the whole
   * vocabulary: a listing that touches a good share of the vocabulary walks the ranks in order
   * (linear, no comparisons), a smaller one sorts rank-and-slot longs. Keys newer than the ranking
   * are sorted by comparison and merged in, until enough of them make a new ranking worthwhile.
   */
  List<TagCount> related(Tally tally) {
    Entries e = entries;
    Ranking ranking = rankingFor(e);
    int[] slotOfKey = tally.keySlots = room(tally.keySlots, e.keyCount);
    tally.bestId = room(tally.bestId, tally.size);
    tally.bestCount = room(tally.bestCount, tally.size);
    tally.keyTotal = room(tally.keyTotal, tally.size);
    int merged = 0;
    for (int i = 0; i < tally.size; i++) {
      int id = tally.touched[i];
      int count = tally.counts[id];
      tally.counts[id] = 0;
      int k = e.keyOf[id];
      int slot = slotOfKey[k];
      if (slot == 0) {
        tally.bestId[merged] = id;
        tally.bestCount[merged] = count;
        tally.keyTotal[merged] = count;
        slotOfKey[k] = ++merged;
        continue;
      }
      // the most used spelling names the key; a tie goes to the smaller name
      int m = slot - 1;
      tally.keyTotal[m] += count;
      int best = tally.bestId[m];
      if (count > tally.bestCount[m]
          || (count == tally.bestCount[m] && e.names[id].compareTo(e.names[best]) < 0)) {
        tally.bestId[m] = id;
        tally.bestCount[m] = count;
      }
    }
    List<TagCount> ranked = new ArrayList<>(merged);
    List<TagCount> unranked = new ArrayList<>();
    int rankedSlots = 0;
    long[] order = tally.order = room(tally.order, merged);
    for (int m = 0; m < merged; m++) {
      int k = e.keyOf[tally.bestId[m]];
      slotOfKey[k] = 0;
      if (k < ranking.keyCount) {
        order[rankedSlots++] = ((long) ranking.rankOfKey[k] << 32) | m;
      } else {
        unranked.add(countOf(e, tally, m));
      }
    }
    if (rankedSlots * 16L > ranking.keyCount) {
      // bucket by rank: one pass over the ranks instead of a sort
      int[] slotOfRank = tally.rankSlots = room(tally.rankSlots, ranking.keyCount);
      for (int x = 0; x < rankedSlots; x++) {
        slotOfRank[(int) (order[x] >>> 32)] = (int) order[x] + 1;
      }
      for (int rank = 0; rank < ranking.keyCount; rank++) {
        int slot = slotOfRank[rank];
        if (slot != 0) {
          slotOfRank[rank] = 0;
          ranked.add(countOf(e, tally, slot - 1));
        }
      }
    } else {
      Arrays.sort(order, 0, rankedSlots);
      for (int x = 0; x < rankedSlots; x++) {
        ranked.add(countOf(e, tally, (int) order[x]));
      }
    }
    tally.size = 0;
    spare.add(tally);
    if (unranked.isEmpty()) {
      return ranked;
    }
    unranked.sort(TagCount.ALPHABETICAL);
    return mergeSorted(ranked, unranked);
  }

  private static TagCount countOf(Entries e, Tally tally, int m) {
    int id = tally.bestId[m];
    return new TagCount(e.names[id], e.keys[id], tally.keyTotal[m]);
  }

  private static List<TagCount> mergeSorted(List<TagCount> a, List<TagCount> b) {
    List<TagCount> out = new ArrayList<>(a.size() + b.size());
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      out.add(TagCount.ALPHABETICAL.compare(a.get(i), b.get(j)) <= 0 ? a.get(i++) : b.get(j++));
    }
    out.addAll(a.subList(i, a.size()));
    out.addAll(b.subList(j, b.size()));
    return out;
  }

  /**
   * The alphabetical rank of each key below {@code keyCount}: rank order is {@link
   * TagCount#ALPHABETICAL}'s order of the keys (which are unique, so ties never arise).
   */
  private record Ranking(int[] rankOfKey, int keyCount) {}

  /**
   * The current ranking, made anew when the keys it lacks pass a sixteenth of those it has (at
   * least 32): sorting 50,000 keys takes some milliseconds, so it is not done per new tag.
   */
  private Ranking rankingFor(Entries e) {
    Ranking r = ranking;
    if (e.keyCount - r.keyCount <= Math.max(32, r.keyCount / 16)) {
      return r;
    }
    synchronized (this) {
      Entries now = entries;
      r = ranking;
      if (now.keyCount - r.keyCount > Math.max(32, r.keyCount / 16)) {
        r = rank(now);
        ranking = r;
      }
      return r;
    }
  }

  private static Ranking rank(Entries e) {
    String[] keyText = new String[e.keyCount];
    for (int id = 0; id < e.size; id++) {
      if (keyText[e.keyOf[id]] == null) {
        keyText[e.keyOf[id]] = e.keys[id];
      }
    }
    Integer[] byKey = new Integer[e.keyCount];
    Arrays.setAll(byKey, k -> k);
    Arrays.sort(byKey, (a, b) -> keyText[a].compareTo(keyText[b]));
    int[] rankOfKey = new int[e.keyCount];
    for (int rank = 0; rank < byKey.length; rank++) {
      rankOfKey[byKey[rank]] = rank;
    }
    return new Ranking(rankOfKey, e.keyCount);
  }

  /**
   * Counts per tag id for one listing: a dense array, plus the list of ids touched so that only
   * those are read and reset afterwards (a listing of three bookmarks costs three slots, not the
   * vocabulary); and the scratch arrays that turn the counts into related tags.
   */
  static final class Tally {
    private int[] counts = new int[0];
    private int[] touched = new int[64];
    private int[] keySlots = new int[0];
    private int[] rankSlots = new int[0];
    private int[] bestId = new int[0];
    private int[] bestCount = new int[0];
    private int[] keyTotal = new int[0];
    private long[] order = new long[0];
    private int size;

    /** Makes room for ids below {@code n}. */
    void ensure(int n) {
      if (counts.length < n) {
        counts = Arrays.copyOf(counts, Math.max(n, counts.length * 2));
      }
    }

    void add(int id) {
      if (counts[id]++ == 0) {
        if (size == touched.length) {
          touched = Arrays.copyOf(touched, size * 2);
        }
        touched[size++] = id;
      }
    }

    void addAll(Tally other) {
      ensure(other.counts.length);
      for (int i = 0; i < other.size; i++) {
        int id = other.touched[i];
        int n = other.counts[id];
        other.counts[id] = 0;
        if (counts[id] == 0) {
          if (size == touched.length) {
            touched = Arrays.copyOf(touched, size * 2);
          }
          touched[size++] = id;
        }
        counts[id] += n;
      }
      other.size = 0;
    }
  }

  /**
   * {@code array} if it holds {@code n}, else a larger zeroed one (contents are not kept: the slot
   * arrays are all zero between uses, the others are written before they are read).
   */
  private static int[] room(int[] array, int n) {
    return array.length >= n ? array : new int[Math.max(n, array.length * 2)];
  }

  private static long[] room(long[] array, int n) {
    return array.length >= n ? array : new long[Math.max(n, array.length * 2)];
  }

  /** How many ids there are now; counting arrays must reach this far. */
  int size() {
    return entries.size;
  }
}
