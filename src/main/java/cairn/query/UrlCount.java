package cairn.query;

import java.util.Comparator;

/**
 * A URL among popular ones: its {@code UrlKey#hash}, how many people shared a save of it, when the
 * newest of those was saved and which bookmark that is.
 */
public record UrlCount(String hash, int count, long newest, long newestId) {
  /** Popular order: most people first, then the newest save, then the hash (a total order). */
  public static final Comparator<UrlCount> RANKING =
      Comparator.comparingInt(UrlCount::count)
          .reversed()
          .thenComparing(Comparator.comparingLong(UrlCount::newest).reversed())
          .thenComparing(UrlCount::hash);
}
