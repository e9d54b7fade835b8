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
   */
  List<TagCount> related(Tally tally) {
    Entries e = entries;
    int[] slotOfKey = tally.keySlots(e.keyCount);
    List<int[]> merged = new ArrayList<>(tally.size);
    for (int i = 0; i < tally.size; i++) {
      int id = tally.touched[i];
      int count = tally.counts[id];
      tally.counts[id] = 0;
      int k = e.keyOf[id];
      int slot = slotOfKey[k];
      if (slot == 0) {
        merged.add(new int[] {id, count, count});
        slotOfKey[k] = merged.size();
        continue;
      }
      // {best spelling id, its count, total}: most used spelling, then the smaller name
      int[] m = merged.get(slot - 1);
      m[2] += count;
      if (count > m[1] || (count == m[1] && e.names[id].compareTo(e.names[m[0]]) < 0)) {
        m[0] = id;
        m[1] = count;
      }
    }
    List<TagCount> related = new ArrayList<>(merged.size());
    for (int[] m : merged) {
      slotOfKey[e.keyOf[m[0]]] = 0;
      related.add(new TagCount(e.names[m[0]], e.keys[m[0]], m[2]));
    }
    related.sort(TagCount.ALPHABETICAL);
    tally.size = 0;
    spare.add(tally);
    return related;
  }

  /**
   * Counts per tag id for one listing: a dense array, plus the list of ids touched so that only
   * those are read and reset afterwards (a listing of three bookmarks costs three slots, not the
   * vocabulary).
   */
  static final class Tally {
    private int[] counts = new int[0];
    private int[] touched = new int[64];
    private int[] keySlots = new int[0];
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

    private int[] keySlots(int keyCount) {
      if (keySlots.length < keyCount) {
        keySlots = new int[Math.max(keyCount, keySlots.length * 2)];
      }
      return keySlots;
    }
  }

  /** How many ids there are now; counting arrays must reach this far. */
  int size() {
    return entries.size;
  }
}
