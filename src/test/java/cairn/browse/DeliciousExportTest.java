package cairn.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.bookmark.BookmarkDraft;
import cairn.bookmark.BookmarkService;
import cairn.bookmark.UrlKey;
import cairn.input.InvalidInputException;
import cairn.query.Listing;
import cairn.query.TagCount;
import cairn.search.SearchIndex;
import cairn.support.SharedFixtures;
import cairn.support.TestStore;
import cairn.tag.TagList;
import cairn.user.UserService;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A real Delicious export (6,125 bookmarks), saved through the write path: the engine's per-tag
 * counts and two-tag intersection counts equal counts taken straight from the file.
 */
@MicronautTest(transactional = false, startApplication = false)
class DeliciousExportTest implements TestPropertyProvider {
  private static final Path FILE =
      Path.of(System.getProperty("cairn.shared.dir", "../shared"))
          .resolve("fixtures/netscape/delicious-export__oconnoat__delicious.html");

  @Inject BookmarkService bookmarks;
  @Inject ListingService listings;
  @Inject SearchIndex index;
  @Inject UserService users;

  @Override
  public Map<String, String> getProperties() {
    return TestStore.properties();
  }

  /** One entry of the file as the file says it: URL, tag keys, private flag, date. */
  record Entry(
      String url,
      String title,
      Set<String> tagKeys,
      String rawTags,
      boolean isPrivate,
      Instant added) {}

  @Test
  void tagCountsAndIntersectionsMatchTheFile() throws IOException {
    SharedFixtures.require(FILE);
    List<Entry> entries = read(FILE);
    long user = users.create(TestStore.uniqueName("delicious"), "password-1").user().id();

    List<Entry> saved = new ArrayList<>();
    Set<String> urls = new HashSet<>();
    long seq = 0;
    for (Entry e : entries) {
      try {
        // first occurrence of a URL wins, as it would for a user saving it twice
        if (!urls.add(UrlKey.of(e.url()).value())) {
          continue;
        }
        var draft =
            new BookmarkDraft(
                e.url(),
                e.title(),
                "",
                List.of(),
                TagList.parse(e.rawTags()),
                !e.isPrivate(),
                false,
                e.added());
        seq = bookmarks.create(user, draft, false).seq();
        saved.add(e);
      } catch (InvalidInputException skipped) {
        // entries Cairn refuses (bad scheme, invalid tag) are left out of the expectation too
      }
    }
    assertTrue(saved.size() > 6000, "saved " + saved.size() + " of " + entries.size());
    assertTrue(index.awaitVisible(seq, Duration.ofSeconds(60)));

    Map<String, Integer> expected = new HashMap<>();
    for (Entry e : saved) {
      e.tagKeys().forEach(t -> expected.merge(t, 1, Integer::sum));
    }
    Listing mine = Listing.of(user, user);
    var page = listings.list(mine);
    assertEquals(saved.size(), page.total());
    assertEquals(
        expected,
        page.related().stream().collect(Collectors.toMap(TagCount::key, TagCount::count)));

    List<String> frequent =
        expected.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .limit(40)
            .map(Map.Entry::getKey)
            .toList();
    Random random = new Random(7);
    for (int i = 0; i < 150; i++) {
      String a = frequent.get(random.nextInt(frequent.size()));
      String b = frequent.get(random.nextInt(frequent.size()));
      long both =
          saved.stream().filter(e -> e.tagKeys().contains(a) && e.tagKeys().contains(b)).count();
      assertEquals(both, listings.list(mine.withTags(List.of(a, b))).total(), a + " + " + b);
    }
    long shared = saved.stream().filter(e -> !e.isPrivate()).count();
    assertEquals(shared, listings.list(Listing.of(Listing.ANONYMOUS, user)).total());
  }

  /** Reads the export with jsoup, independently of Cairn's own parsing rules. */
  private static List<Entry> read(Path file) throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (Element a : Jsoup.parse(file.toFile(), "UTF-8").select("dt > a[href]")) {
      String rawTags = a.attr("tags");
      Set<String> keys = new LinkedHashSet<>();
      for (String tag : rawTags.split("[\\s,]+")) {
        if (!tag.isEmpty()) {
          keys.add(tag.toLowerCase(Locale.ROOT));
        }
      }
      entries.add(
          new Entry(
              a.attr("href"),
              a.text(),
              keys,
              rawTags,
              a.attr("private").equals("1"),
              Instant.ofEpochSecond(Long.parseLong(a.attr("add_date")))));
    }
    return entries;
  }
}
