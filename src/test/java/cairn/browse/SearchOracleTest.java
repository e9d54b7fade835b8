package cairn.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkDraft;
import cairn.bookmark.BookmarkService;
import cairn.query.Listing;
import cairn.search.SearchIndex;
import cairn.support.TestStore;
import cairn.tag.TagList;
import cairn.user.UserService;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search language against a brute-force oracle written without the parser: random search trees
 * (words, phrases, fields, tags, flags, dates, exclusion, AND, OR, nesting) are printed as people
 * would type them, answered by the real parser, index and listing, and compared with the tree
 * evaluated directly over the bookmarks — in one's own view and in others', where private bookmarks
 * and private tags must stay invisible to every operator.
 */
@MicronautTest(transactional = false, startApplication = false)
class SearchOracleTest implements TestPropertyProvider {
  private static final List<String> WORDS =
      List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot");
  private static final List<String> TAGS =
      List.of("java", "alpha", "papers", "go", ".later", ".secret");
  private static final long SEED = 20261206L;

  @Inject BookmarkService bookmarks;
  @Inject ListingService listings;
  @Inject SearchIndex index;
  @Inject UserService users;

  private final List<Bookmark> all = new ArrayList<>();
  private final List<Long> userIds = new ArrayList<>();

  @Override
  public Map<String, String> getProperties() {
    return TestStore.properties();
  }

  /** A search tree and how a person would type it. */
  private record Search(String text, Predicate<Doc> matches) {}

  /** A bookmark as the oracle sees it in one view. */
  private record Doc(Bookmark b, boolean own) {
    List<String> visibleTags() {
      return b.tags().stream().filter(t -> own || !t.startsWith(".")).toList();
    }
  }

  @BeforeEach
  void populate() {
    if (!all.isEmpty()) {
      return;
    }
    Random random = new Random(SEED);
    for (int u = 0; u < 3; u++) {
      userIds.add(users.create(TestStore.uniqueName("searchoracle"), "password-" + u).user().id());
    }
    long lastSeq = 0;
    for (int i = 0; i < 300; i++) {
      long owner = userIds.get(random.nextInt(userIds.size()));
      List<String> tags = new ArrayList<>();
      for (int t = random.nextInt(4); t > 0; t--) {
        tags.add(TAGS.get(random.nextInt(TAGS.size())));
      }
      // at most one quote: a phrase never spans two of them
      List<String> quotes = random.nextInt(3) == 0 ? List.of(words(random, 3)) : List.of();
      Instant created =
          LocalDate.of(2016, 1, 1)
              .plusDays(random.nextInt(6 * 365))
              .atStartOfDay()
              .toInstant(ZoneOffset.UTC)
              .plusSeconds(i);
      var draft =
          new BookmarkDraft(
              "https://h" + i + ".example/p" + i,
              words(random, 1 + random.nextInt(3)),
              random.nextBoolean() ? words(random, 1 + random.nextInt(4)) : "",
              quotes,
              TagList.of(tags),
              random.nextInt(3) > 0,
              random.nextInt(4) == 0,
              created);
      var saved = bookmarks.create(owner, draft, false);
      all.add(saved.bookmark());
      lastSeq = saved.seq();
    }
    assertTrue(index.awaitVisible(lastSeq, Duration.ofSeconds(30)));
  }

  private static String words(Random random, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(WORDS.get(random.nextInt(WORDS.size())));
    }
    return String.join(" ", out);
  }

  @Test
  void randomSearchesMatchTheBruteForceAnswer() {
    Random random = new Random(SEED + 1);
    for (int round = 0; round < 300; round++) {
      long viewer = userIds.get(random.nextInt(userIds.size()));
      Long owner = random.nextBoolean() ? viewer : userIds.get(random.nextInt(userIds.size()));
      if (random.nextInt(4) == 0) {
        owner = null;
      }
      Search search = tree(random, 0);
      Listing listing = Listing.of(viewer, owner).withText(search.text()).withPerPage(160);
      boolean own = listing.ownView();
      Long scope = owner;
      List<Long> expected =
          all.stream()
              .filter(b -> scope == null ? b.shared() : b.ownerId() == scope && (own || b.shared()))
              .filter(b -> search.matches().test(new Doc(b, own)))
              .sorted(
                  Comparator.comparing(Bookmark::created).thenComparing(Bookmark::id).reversed())
              .map(Bookmark::id)
              .toList();
      ListingPage page = listings.list(listing);
      String what = "round " + round + ": " + search.text() + (own ? " (own view)" : "");
      assertEquals(expected.size(), page.total(), what);
      assertEquals(
          expected.subList(0, Math.min(160, expected.size())),
          page.items().stream().map(Bookmark::id).toList(),
          what);
    }
  }

  /** A random search tree, at most three levels deep. */
  private Search tree(Random random, int depth) {
    int kind = random.nextInt(depth >= 2 ? 6 : 9);
    return switch (kind) {
      case 0, 1 -> word(random);
      case 2 -> phrase(random);
      case 3 -> tag(random);
      case 4 -> flag(random);
      case 5 -> date(random);
      case 6 -> {
        Search inner = tree(random, depth + 1);
        yield new Search("-" + atom(inner.text()), d -> !inner.matches().test(d));
      }
      case 7 -> {
        Search a = tree(random, depth + 1);
        Search b = tree(random, depth + 1);
        yield new Search(
            atom(a.text()) + " " + atom(b.text()), d -> a.matches().test(d) && b.matches().test(d));
      }
      default -> {
        Search a = tree(random, depth + 1);
        Search b = tree(random, depth + 1);
        yield new Search(
            atom(a.text()) + " OR " + atom(b.text()),
            d -> a.matches().test(d) || b.matches().test(d));
      }
    };
  }

  /** Groups anything with a space in it, or an exclusion, so it stays one operand. */
  private static String atom(String text) {
    boolean phrase = text.startsWith("\"") && text.indexOf('"', 1) == text.length() - 1;
    boolean simple = phrase || !text.contains(" ") && !text.startsWith("-");
    return simple ? text : "(" + text + ")";
  }

  private static final List<String> FIELDS = List.of("", "title:", "notes:", "quote:");

  private Search word(Random random) {
    String field = FIELDS.get(random.nextInt(FIELDS.size()));
    // some words are also tag names: without a field they match a public tag too
    String word =
        random.nextInt(5) == 0
            ? TAGS.get(random.nextInt(4))
            : WORDS.get(random.nextInt(WORDS.size()));
    String typed = random.nextInt(4) == 0 ? word.toUpperCase(Locale.ROOT) : word;
    return new Search(field + typed, d -> texts(d, field).stream().anyMatch(t -> t.contains(word)));
  }

  private Search phrase(Random random) {
    String field = FIELDS.get(random.nextInt(FIELDS.size()));
    List<String> words =
        List.of(WORDS.get(random.nextInt(WORDS.size())), WORDS.get(random.nextInt(WORDS.size())));
    return new Search(
        field + "\"" + String.join(" ", words) + "\"",
        d ->
            texts(d, field).stream()
                .anyMatch(t -> java.util.Collections.indexOfSubList(t, words) >= 0));
  }

  /** The words of each text field a search looks in, as the index splits them. */
  private static List<List<String>> texts(Doc d, String field) {
    Bookmark b = d.b();
    List<List<String>> out = new ArrayList<>();
    if (field.isEmpty() || field.equals("title:")) {
      out.add(split(b.title()));
    }
    if (field.isEmpty() || field.equals("notes:")) {
      out.add(split(b.notes()));
    }
    if (field.isEmpty() || field.equals("quote:")) {
      b.quotes().forEach(q -> out.add(split(q.text())));
    }
    if (field.isEmpty()) {
      // tags are searched as words, the private ones only by nobody (not even their owner)
      out.add(b.tags().stream().filter(t -> !t.startsWith(".")).toList());
    }
    return out;
  }

  private static List<String> split(String text) {
    return text.isBlank() ? List.of() : List.of(text.toLowerCase(Locale.ROOT).split(" "));
  }

  private Search tag(Random random) {
    String tag = TAGS.get(random.nextInt(TAGS.size()));
    String typed = random.nextBoolean() ? "#" + tag : "tag:" + tag;
    return new Search(typed, d -> d.visibleTags().contains(tag));
  }

  private Search flag(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> new Search("is:unread", d -> d.b().toread());
      case 1 -> new Search("is:read", d -> !d.b().toread());
      case 2 -> new Search("is:private", d -> !d.b().shared());
      case 3 -> new Search("is:public", d -> d.b().shared());
      default -> new Search("is:untagged", d -> d.visibleTags().isEmpty());
    };
  }

  private Search date(Random random) {
    LocalDate day = LocalDate.of(2016, 1, 1).plusDays(random.nextInt(6 * 365));
    String typed;
    LocalDate start;
    switch (random.nextInt(3)) {
      case 0 -> {
        typed = Integer.toString(day.getYear());
        start = LocalDate.of(day.getYear(), 1, 1);
      }
      case 1 -> {
        typed = day.toString().substring(0, 7);
        start = day.withDayOfMonth(1);
      }
      default -> {
        typed = day.toString();
        start = day;
      }
    }
    Instant at = start.atStartOfDay().toInstant(ZoneOffset.UTC);
    return random.nextBoolean()
        ? new Search("after:" + typed, d -> !d.b().created().isBefore(at))
        : new Search("before:" + typed, d -> d.b().created().isBefore(at));
  }
}
