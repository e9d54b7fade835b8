package cairn.search;

import java.util.Comparator;

/** A tag among a listing's matches, with the number of matches that carry it. */
public record TagCount(String name, String key, int count) {
  /** Alphabetical by key, the related-tags order. */
  public static final Comparator<TagCount> ALPHABETICAL =
      Comparator.comparing(TagCount::key).thenComparing(TagCount::name);

  /** Most frequent first, then alphabetical. */
  public static final Comparator<TagCount> BY_COUNT =
      Comparator.comparingInt(TagCount::count).reversed().thenComparing(ALPHABETICAL);
}
