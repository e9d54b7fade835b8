package cairn.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkDraft;
import cairn.bookmark.BookmarkService;
import cairn.query.Cursor;
import cairn.query.Listing;
import cairn.query.TagCount;
import cairn.search.SearchIndex;
import cairn.support.TestStore;
import cairn.tag.TagList;
import cairn.user.UserService;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine against a brute-force oracle: random users, bookmarks and tags (with privacy and
 * {@code .tags}); for many random listings (one user's, everyone's, or a network's: the shared
 * bookmarks of a set of people), the engine's items, order, totals, cursors and related tag counts
 * equal what a plain in-memory scan computes.
 */
@MicronautTest(transactional = false, startApplication = false)
class ListingOracleTest implements TestPropertyProvider {
  private static final List<String> TAGS =
      List.of(
          "java",
          "lucene",
          "sql",
          "web",
          "papers",
          "distcomp",
          "music",
          "go",
          "rust",
          "food",
          ".later",
          ".secret");
  private static final List<String> WORDS =
      List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel");
  private static final long SEED = 20261122L;

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

  @BeforeEach
  void populate() {
    if (!all.isEmpty()) {
      return;
    }
    Random random = new Random(SEED);
    for (int u = 0; u < 3; u++) {
      userIds.add(users.create(TestStore.uniqueName("oracle"), "password-" + u).user().id());
    }
    long lastSeq = 0;
    Instant base = Instant.parse("2020-01-01T00:00:00Z");
    for (int i = 0; i < 400; i++) {
      long owner = userIds.get(random.nextInt(userIds.size()));
      List<String> tags = new ArrayList<>();
      for (int t = random.nextInt(5); t > 0; t--) {
        tags.add(TAGS.get(random.nextInt(TAGS.size())));
      }
      String title =
          WORDS.get(random.nextInt(WORDS.size())) + " " + WORDS.get(random.nextInt(WORDS.size()));
      // every fifth bookmark shares its date with the one before, so ties are ordered by id
      Instant created = base.plusSeconds(i % 5 == 0 ? i - 1 : i);
      var draft =
          new BookmarkDraft(
              "https://ex" + i + ".org/p" + i,
              title,
              "",
              List.of(),
              TagList.of(tags),
              random.nextInt(3) > 0,
              random.nextBoolean(),
              created);
      var saved = bookmarks.create(owner, draft, false);
      all.add(saved.bookmark());
      lastSeq = saved.seq();
    }
    assertTrue(index.awaitVisible(lastSeq, Duration.ofSeconds(30)));
  }

  @Test
  void randomListingsMatchTheBruteForceAnswer() {
    Random random = new Random(SEED + 1);
    for (int round = 0; round < 200; round++) {
      Listing listing = randomListing(random);
      List<Bookmark> expected = expected(listing);
      ListingPage page = listings.list(listing);
      String what = "round " + round + ": " + listing;
      assertEquals(expected(listing.withCursor(null)).size(), page.total(), what);
      assertEquals(
          ids(expected.subList(0, Math.min(listing.perPage(), expected.size()))),
          ids(page.items()),
          what);
      assertEquals(expected.size() > listing.perPage(), page.earlier() != null, what);
      assertEquals(expectedRelated(listing, expected), asMap(page.related()), what);
      assertEquals(
          page.related().stream().sorted(TagCount.ALPHABETICAL).toList(), page.related(), what);
    }
  }

  @Test
  void listingsThatCountNothingStopEarlyButPageAlike() {
    Random random = new Random(SEED + 3);
    for (int round = 0; round < 200; round++) {
      Listing counted = randomListing(random);
      Listing uncounted = counted.withCounts(EnumSet.noneOf(Listing.Count.class));
      ListingPage full = listings.list(counted);
      ListingPage page = listings.list(uncounted);
      String what = "round " + round + ": " + uncounted;
      assertEquals(ids(full.items()), ids(page.items()), what);
      assertEquals(full.earlier(), page.earlier(), what);
      assertEquals(full.later(), page.later(), what);
      assertTrue(page.total() <= full.total(), what);
      assertTrue(page.total() >= Math.min(full.total(), page.items().size()), what);
      assertEquals(List.of(), page.related(), what);
    }
    // and a walk through everyone's listing: every shared bookmark once, in order
    Listing everything =
        Listing.of(Listing.ANONYMOUS, null)
            .withPerPage(20)
            .withCounts(EnumSet.noneOf(Listing.Count.class));
    List<Long> walked = new ArrayList<>();
    for (ListingPage page = listings.list(everything); ; ) {
      walked.addAll(ids(page.items()));
      if (page.earlier() == null) {
        break;
      }
      page = listings.list(everything.withCursor(page.earlier()));
    }
    assertEquals(ids(expected(everything)), walked);
  }

  @Test
  void walkingEarlierThenLaterVisitsTheSameBookmarksInOrder() {
    Random random = new Random(SEED + 2);
    for (int round = 0; round < 40; round++) {
      Listing listing = randomListing(random).withCursor(null);
      List<Long> expected = ids(expected(listing));
      List<List<Long>> pages = new ArrayList<>();
      ListingPage page = listings.list(listing);
      pages.add(ids(page.items()));
      while (page.earlier() != null) {
        page = listings.list(listing.withCursor(page.earlier()));
        pages.add(ids(page.items()));
      }
      assertEquals(expected, pages.stream().flatMap(List::stream).toList(), listing.toString());
      for (int p = pages.size() - 2; p >= 0; p--) {
        page = listings.list(listing.withCursor(page.later()));
        assertEquals(pages.get(p), ids(page.items()), "back to page " + p + " of " + listing);
      }
      assertEquals(null, page.later());
    }
  }

  private Listing randomListing(Random random) {
    long viewer =
        random.nextInt(5) == 0 ? Listing.ANONYMOUS : userIds.get(random.nextInt(userIds.size()));
    Long owner = random.nextInt(4) == 0 ? null : userIds.get(random.nextInt(userIds.size()));
    if (random.nextInt(3) == 0 && viewer != Listing.ANONYMOUS) {
      owner = viewer;
    }
    List<String> required = new ArrayList<>();
    for (int t = random.nextInt(3); t > 0; t--) {
      required.add(TAGS.get(random.nextInt(TAGS.size())));
    }
    List<String> excluded =
        random.nextInt(3) == 0 ? List.of(TAGS.get(random.nextInt(TAGS.size()))) : List.of();
    String text = random.nextInt(4) == 0 ? WORDS.get(random.nextInt(WORDS.size())) : "";
    Boolean toread =
        switch (random.nextInt(4)) {
          case 0 -> true;
          case 1 -> false;
          default -> null;
        };
    int perPage = List.of(20, 40, 80).get(random.nextInt(3));
    Cursor cursor = null;
    Listing base = Listing.of(viewer, owner);
    if (owner == null && random.nextBoolean()) {
      // a network: the shared bookmarks of a random set of people (maybe nobody)
      base =
          Listing.ofOwners(
              viewer,
              userIds.stream().filter(u -> random.nextBoolean()).collect(Collectors.toSet()));
    }
    Listing listing =
        base.withTags(required)
            .withExcluded(excluded)
            .withText(text)
            .withToread(toread)
            .withPerPage(perPage);
    if (random.nextInt(3) == 0) {
      List<Bookmark> matches = expected(listing);
      if (!matches.isEmpty()) {
        Bookmark at = matches.get(random.nextInt(matches.size()));
        cursor = new Cursor(Cursor.Direction.EARLIER, at.created().toEpochMilli(), at.id());
      }
    }
    return listing.withCursor(cursor);
  }

  /** The brute-force answer: every bookmark the listing admits, newest first, then by id. */
  private List<Bookmark> expected(Listing listing) {
    boolean own = listing.ownView();
    return all.stream()
        .filter(
            b ->
                listing.owner() == null
                    ? b.shared()
                        && (listing.owners() == null || listing.owners().contains(b.ownerId()))
                    : b.ownerId() == listing.owner() && (own || b.shared()))
        .filter(
            b ->
                listing.tags().stream()
                    .allMatch(t -> (own || !t.startsWith(".")) && b.tags().contains(t)))
        .filter(
            b ->
                listing.excluded().stream()
                    .noneMatch(t -> (own || !t.startsWith(".")) && b.tags().contains(t)))
        .filter(b -> listing.toread() == null || b.toread() == listing.toread())
        .filter(
            b -> listing.text().isEmpty() || List.of(b.title().split(" ")).contains(listing.text()))
        .sorted(Comparator.comparing(Bookmark::created).thenComparing(Bookmark::id).reversed())
        .filter(b -> afterCursor(listing.cursor(), b))
        .toList();
  }

  private static boolean afterCursor(Cursor cursor, Bookmark b) {
    if (cursor == null) {
      return true;
    }
    int byDate = Long.compare(b.created().toEpochMilli(), cursor.created());
    int side = byDate != 0 ? byDate : Long.compare(b.id(), cursor.id());
    return side < 0;
  }

  /** Related tags over every match (not only the page), private ones only in one's own view. */
  private Map<String, Integer> expectedRelated(Listing listing, List<Bookmark> pageSideMatches) {
    List<Bookmark> matches = expected(listing.withCursor(null));
    Map<String, Integer> counts = new TreeMap<>();
    for (Bookmark b : matches) {
      for (String tag : new HashSet<>(b.tags())) {
        if (listing.ownView() || !tag.startsWith(".")) {
          counts.merge(tag, 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  private static Map<String, Integer> asMap(List<TagCount> related) {
    return related.stream()
        .collect(Collectors.toMap(TagCount::name, TagCount::count, (a, b) -> a, TreeMap::new));
  }

  private static List<Long> ids(List<Bookmark> bookmarks) {
    return bookmarks.stream().map(Bookmark::id).toList();
  }
}
