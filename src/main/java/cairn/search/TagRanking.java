package cairn.search;

import cairn.query.TagCount;
import java.util.Arrays;

/**
 * The alphabetical rank of each tag key below {@code keyCount}: rank order is {@link
 * TagCount#ALPHABETICAL}'s order of the keys (which are unique, so ties never arise). Immutable
 * once made, so it is shared between listings without a lock.
 */
record TagRanking(int[] rankOfKey, int keyCount) {
  static final TagRanking NONE = new TagRanking(new int[0], 0);

  /** Ranks the keys of the first {@code size} ids; {@code keyOf} maps an id to its key's id. */
  static TagRanking of(String[] keys, int[] keyOf, int size, int keyCount) {
    String[] keyText = new String[keyCount];
    for (int id = 0; id < size; id++) {
      if (keyText[keyOf[id]] == null) {
        keyText[keyOf[id]] = keys[id];
      }
    }
    Integer[] byKey = new Integer[keyCount];
    Arrays.setAll(byKey, k -> k);
    Arrays.sort(byKey, (a, b) -> keyText[a].compareTo(keyText[b]));
    int[] rankOfKey = new int[keyCount];
    for (int rank = 0; rank < byKey.length; rank++) {
      rankOfKey[byKey[rank]] = rank;
    }
    return new TagRanking(rankOfKey, keyCount);
  }

  /** Whether enough keys are newer than this ranking to make a new one worthwhile. */
  boolean staleFor(int keys) {
    return keys - keyCount > Math.max(32, keyCount / 16);
  }
}
