package cairn.search;

import java.util.Arrays;

/**
 * Counts per tag id for one listing: a dense array, plus the list of ids touched so that only those
 * are read and reset afterwards (a listing of three bookmarks costs three slots, not the
 * vocabulary); and the scratch arrays {@link TagVocabulary#related} turns the counts into related
 * tags with.
 *
 * <p>Thread rules: a tally belongs to one listing at a time — taken from the vocabulary's pool by
 * one collector, filled by the one thread searching a slice, merged into the listing's tally after
 * the slices end (the search's executor orders that), and given back by {@link
 * TagVocabulary#related}. Between uses every count and every slot array is all zero: whoever reads
 * a slot resets it in the same pass.
 */
final class TagTally {
  int[] counts = new int[0];
  int[] touched = new int[64];
  int[] keySlots = new int[0];
  int[] rankSlots = new int[0];
  int[] bestId = new int[0];
  int[] bestCount = new int[0];
  int[] keyTotal = new int[0];
  long[] order = new long[0];
  int size;

  /** Makes room for ids below {@code n}. */
  void ensure(int n) {
    if (counts.length < n) {
      counts = Arrays.copyOf(counts, Math.max(n, counts.length * 2));
    }
  }

  void add(int id) {
    if (counts[id]++ == 0) {
      touch(id);
    }
  }

  /** Adds {@code other}'s counts to these and leaves {@code other} all zero. */
  void addAll(TagTally other) {
    ensure(other.counts.length);
    for (int i = 0; i < other.size; i++) {
      int id = other.touched[i];
      int n = other.counts[id];
      other.counts[id] = 0;
      if (counts[id] == 0) {
        touch(id);
      }
      counts[id] += n;
    }
    other.size = 0;
  }

  private void touch(int id) {
    if (size == touched.length) {
      touched = Arrays.copyOf(touched, size * 2);
    }
    touched[size++] = id;
  }

  /**
   * {@code array} if it holds {@code n}, else a larger zeroed one (contents are not kept: the slot
   * arrays are all zero between uses, the others are written before they are read).
   */
  static int[] room(int[] array, int n) {
    return array.length >= n ? array : new int[Math.max(n, array.length * 2)];
  }

  static long[] room(long[] array, int n) {
    return array.length >= n ? array : new long[Math.max(n, array.length * 2)];
  }
}
