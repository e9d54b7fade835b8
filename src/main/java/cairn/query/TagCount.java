package cairn.query;

import java.util.Comparator;

/** A tag among a listing's matches, with the number of matches that carry it. */
public record TagCount(String name, String key, int count) {
  /** Alphabetical by key, the related-tags order (then by name, so the order is total). */
  public static final Comparator<TagCount> ALPHABETICAL =
      (a, b) -> {
        // written out: sorting a 50,000-tag cloud calls this about a million times
        int byKey = a.key.compareTo(b.key);
        return byKey != 0 ? byKey : a.name.compareTo(b.name);
      };

  /** Most frequent first, then alphabetical. */
  public static final Comparator<TagCount> BY_COUNT =
      Comparator.comparingInt(TagCount::count).reversed().thenComparing(ALPHABETICAL);
}
