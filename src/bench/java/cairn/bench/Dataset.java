package cairn.bench;

import java.util.Locale;

/**
 * The benchmark datasets of BENCHMARKS.md, each from a fixed seed: bookmarks, users (activity Zipf
 * s=1), distinct tags (Zipf s=1.0), the word vocabulary of titles and notes (Zipf s=1.07), and
 * whether half the bookmarks are private.
 */
enum Dataset {
  D10K(10_000, 1, 2_000, 20_000, false, 10_001L),
  D1M(1_000_000, 1_000, 50_000, 50_000, true, 1_000_001L),
  D10M(10_000_000, 10_000, 500_000, 500_000, true, 10_000_001L);

  final int bookmarks;
  final int users;
  final int tags;
  final int words;
  final boolean halfPrivate;
  final long seed;

  Dataset(int bookmarks, int users, int tags, int words, boolean halfPrivate, long seed) {
    this.bookmarks = bookmarks;
    this.users = users;
    this.tags = tags;
    this.words = words;
    this.halfPrivate = halfPrivate;
    this.seed = seed;
  }

  /** The name as BENCHMARKS.md writes it: D10k, D1M, D10M. */
  String label() {
    return this == D10K ? "D10k" : name();
  }

  static Dataset parse(String name) {
    for (Dataset d : values()) {
      if (d.label().equalsIgnoreCase(name) || d.name().equalsIgnoreCase(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException("bench.dataset must be D10k, D1M or D10M; got " + name);
  }

  /** User names: one user is "bench"; many are u0001, u0002, … by falling activity. */
  String userName(int rank) {
    return users == 1 ? "bench" : String.format(Locale.ROOT, "u%0" + digits() + "d", rank + 1);
  }

  private int digits() {
    return Integer.toString(users).length();
  }
}
