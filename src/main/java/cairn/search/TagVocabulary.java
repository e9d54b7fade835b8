package cairn.search;

import cairn.query.TagCount;
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
 *
 * <p>Why it is safe without a lock on the reading side:
 *
 * <ul>
 *   <li>New names are interned under the lock on {@code this} (the only writer of {@link #ids},
 *       {@link #keyIds} and the arrays). An id is written into the arrays <em>before</em> the
 *       volatile {@link #entries} that counts it is published, so a reader that holds an id got it
 *       from a map made after that publication and reads an {@link Entries} at least that new.
 *   <li>The arrays are shared between snapshots and written in place, but only at slots at or past
 *       the size of every published snapshot; a reader never reads past its snapshot's size, and a
 *       slot once published never changes. Growing copies the arrays, so older snapshots keep
 *       theirs.
 *   <li>A segment's ordinal map is computed whole before it enters {@link #segments} (a concurrent
 *       map, which publishes it safely); two listings may both compute it, and the second map is
 *       equal and dropped.
 *   <li>The {@link TagRanking} is immutable and published through a volatile field; the tallies
 *       follow {@link TagTally}'s rules.
 * </ul>
 */
final class TagVocabulary {
  private final Map<String, Integer> ids = new HashMap<>();
  private final Map<String, Integer> keyIds = new HashMap<>();
  private final Map<FieldKey, int[]> segments = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<TagTally> spare = new ConcurrentLinkedQueue<>();
  private volatile Entries entries = new Entries(new String[0], new String[0], new int[0], 0, 0);
  private volatile TagRanking ranking = TagRanking.NONE;

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
  TagTally tally() {
    TagTally t = spare.poll();
    return t != null ? t : new TagTally();
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
  List<TagCount> related(TagTally tally) {
    Entries e = entries;
    TagRanking ranking = rankingFor(e);
    int merged = mergeSpellings(e, tally);
    List<TagCount> ranked = new ArrayList<>(merged);
    List<TagCount> unranked = new ArrayList<>();
    int rankedSlots = 0;
    long[] order = tally.order = TagTally.room(tally.order, merged);
    for (int m = 0; m < merged; m++) {
      int k = e.keyOf[tally.bestId[m]];
      tally.keySlots[k] = 0;
      if (k < ranking.keyCount()) {
        order[rankedSlots++] = ((long) ranking.rankOfKey()[k] << 32) | m;
      } else {
        unranked.add(countOf(e, tally, m));
      }
    }
    if (rankedSlots * 16L > ranking.keyCount()) {
      // bucket by rank: one pass over the ranks instead of a sort
      int[] slotOfRank = tally.rankSlots = TagTally.room(tally.rankSlots, ranking.keyCount());
      for (int x = 0; x < rankedSlots; x++) {
        slotOfRank[(int) (order[x] >>> 32)] = (int) order[x] + 1;
      }
      for (int rank = 0; rank < ranking.keyCount(); rank++) {
        if (slotOfRank[rank] != 0) {
          ranked.add(countOf(e, tally, slotOfRank[rank] - 1));
          slotOfRank[rank] = 0;
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
    unranked.sort(TagCount.ALPHABETICAL);
    return unranked.isEmpty() ? ranked : mergeSorted(ranked, unranked);
  }

  /**
   * Folds the counted ids into one slot per key (reading and zeroing each count): the key's total,
   * and the most used spelling, a tie going to the smaller name. Returns how many slots.
   */
  private static int mergeSpellings(Entries e, TagTally tally) {
    int[] slotOfKey = tally.keySlots = TagTally.room(tally.keySlots, e.keyCount);
    tally.bestId = TagTally.room(tally.bestId, tally.size);
    tally.bestCount = TagTally.room(tally.bestCount, tally.size);
    tally.keyTotal = TagTally.room(tally.keyTotal, tally.size);
    int merged = 0;
    for (int i = 0; i < tally.size; i++) {
      int id = tally.touched[i];
      int count = tally.counts[id];
      tally.counts[id] = 0;
      int k = e.keyOf[id];
      int m = slotOfKey[k] - 1;
      if (m < 0) {
        tally.bestId[merged] = id;
        tally.bestCount[merged] = count;
        tally.keyTotal[merged] = count;
        slotOfKey[k] = ++merged;
        continue;
      }
      tally.keyTotal[m] += count;
      int best = tally.bestId[m];
      if (count > tally.bestCount[m]
          || (count == tally.bestCount[m] && e.names[id].compareTo(e.names[best]) < 0)) {
        tally.bestId[m] = id;
        tally.bestCount[m] = count;
      }
    }
    return merged;
  }

  private static TagCount countOf(Entries e, TagTally tally, int m) {
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

  /** The current ranking, made anew (sorting all keys) once it is {@link TagRanking#staleFor}. */
  private TagRanking rankingFor(Entries e) {
    TagRanking r = ranking;
    if (!r.staleFor(e.keyCount)) {
      return r;
    }
    synchronized (this) {
      Entries now = entries;
      r = ranking;
      if (r.staleFor(now.keyCount)) {
        r = TagRanking.of(now.keys, now.keyOf, now.size, now.keyCount);
        ranking = r;
      }
      return r;
    }
  }

  /** How many ids there are now; counting arrays must reach this far. */
  int size() {
    return entries.size;
  }
}
