package cairn.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The deterministic stream of a dataset's bookmarks, in id order (BENCHMARKS.md "Datasets"): owner
 * by activity Zipf s=1; 1–8 tags (weights 14,24,25,17,10,6,4 over 1,2,3,4,5,6,8) drawn without
 * repeats from tags Zipf s=1.0; titles of 3–10 and notes of 0–60 words from words Zipf s=1.07;
 * unique URLs on Zipf-popular hosts; dates increasing with id; half private where the dataset says.
 * One seeded random stream consumed in a fixed order makes every run produce the same bookmarks.
 */
final class Generator {
  static final Instant FIRST = Instant.parse("2008-01-01T00:00:00Z");
  static final Instant LAST = Instant.parse("2025-01-01T00:00:00Z");
  private static final int[] TAG_COUNTS = {1, 2, 3, 4, 5, 6, 8};
  private static final int[] TAG_WEIGHTS = {14, 24, 25, 17, 10, 6, 4};
  private static final String[] DOMAINS = {".com", ".org", ".net", ".io", ".dev", ".co.uk"};

  /** One generated bookmark; {@code tags} are ranks into {@link #tagNames()}, in order given. */
  record Post(
      long id,
      int user,
      String url,
      String title,
      String notes,
      int[] tags,
      boolean shared,
      long createdMillis) {}

  private final Dataset dataset;
  private final Words words;
  private final String[] tagNames;
  private final String[] hosts;
  private final Zipf userZipf;
  private final Zipf tagZipf;
  private final Zipf wordZipf;
  private final Zipf hostZipf;
  private final long step;

  Generator(Dataset dataset) {
    this.dataset = dataset;
    this.words = new Words(dataset.words);
    this.tagNames = words.permuted(dataset.tags, 7919, 17);
    this.hosts = words.permuted(Math.max(100, dataset.bookmarks / 200), 104_729, 5);
    this.userZipf = new Zipf(dataset.users, 1.0);
    this.tagZipf = new Zipf(dataset.tags, 1.0);
    this.wordZipf = new Zipf(dataset.words, 1.07);
    this.hostZipf = new Zipf(hosts.length, 1.0);
    // whole seconds, so that export files (which keep seconds) hold exactly the loaded dates
    this.step = (LAST.toEpochMilli() - FIRST.toEpochMilli()) / dataset.bookmarks / 1000 * 1000;
  }

  String[] tagNames() {
    return tagNames;
  }

  /** Hands the whole dataset to {@code sink} in batches of {@code batch} posts, by id. */
  void generate(int batch, Consumer<List<Post>> sink) {
    SplittableRandom random = new SplittableRandom(dataset.seed);
    List<Post> posts = new ArrayList<>(batch);
    for (long id = 1; id <= dataset.bookmarks; id++) {
      posts.add(next(id, random));
      if (posts.size() == batch) {
        sink.accept(posts);
        posts = new ArrayList<>(batch);
      }
    }
    if (!posts.isEmpty()) {
      sink.accept(posts);
    }
  }

  private Post next(long id, SplittableRandom random) {
    int user = userZipf.next(random);
    String host = hosts[hostZipf.next(random)] + DOMAINS[random.nextInt(DOMAINS.length)];
    String url =
        "https://"
            + host
            + "/"
            + words.get(wordZipf.next(random))
            + "/"
            + words.get(wordZipf.next(random))
            + "-"
            + Long.toString(id, 36);
    String title = capitalized(text(3 + random.nextInt(8), random));
    String notes = text(random.nextInt(61), random);
    int[] tags = tags(random);
    boolean shared = !dataset.halfPrivate || random.nextBoolean();
    return new Post(
        id, user, url, title, notes, tags, shared, FIRST.toEpochMilli() + (id - 1) * step);
  }

  private String text(int count, SplittableRandom random) {
    StringBuilder s = new StringBuilder(count * 7);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(words.get(wordZipf.next(random)));
    }
    return s.toString();
  }

  private int[] tags(SplittableRandom random) {
    int n = Math.min(dataset.tags, TAG_COUNTS[weighted(random)]);
    int[] chosen = new int[n];
    for (int filled = 0; filled < n; ) {
      int rank = tagZipf.next(random);
      boolean repeat = false;
      for (int j = 0; j < filled; j++) {
        repeat |= chosen[j] == rank;
      }
      if (!repeat) {
        chosen[filled++] = rank;
      }
    }
    return chosen;
  }

  private static int weighted(SplittableRandom random) {
    int r = random.nextInt(100);
    for (int i = 0; i < TAG_WEIGHTS.length; i++) {
      r -= TAG_WEIGHTS[i];
      if (r < 0) {
        return i;
      }
    }
    return TAG_WEIGHTS.length - 1;
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
