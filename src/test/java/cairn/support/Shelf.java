package cairn.support;

import cairn.bookmark.BookmarkDraft;
import cairn.tag.TagList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A believable shelf of numbered bookmarks for page walks and screenshots: number {@code i} is
 * {@code 7·i} hours old (so 0 comes first), tagged by divisibility so tags overlap in known ways
 * ({@code java} every 3rd, {@code performance} every 5th: both on 0, 15, 30), with some notes,
 * quotes, private and unread ones.
 */
public final class Shelf {
  private static final List<String> TOPICS =
      List.of(
          "The log: what every software engineer should know about real-time data",
          "SQLite is not a toy database",
          "Lucene's points and BKD trees, explained",
          "Virtual threads in practice",
          "How browsers lay out text",
          "Cairns and waymarking in the Alps");

  private Shelf() {}

  public static BookmarkDraft bookmark(int i, Instant now) {
    List<String> tags = new ArrayList<>();
    tags.add(i % 2 == 0 ? "web" : "databases");
    tagIf(i % 3 == 0, "java", tags);
    tagIf(i % 4 == 0, "howto", tags);
    tagIf(i % 5 == 0, "performance", tags);
    tagIf(i % 7 == 0, "wandern", tags);
    return new BookmarkDraft(
        "https://example.com/articles/" + i,
        title(i),
        i % 4 == 1 ? "Worth a second read.\nEspecially the part on indexes." : "",
        i % 6 == 2 ? List.of("Make it work, make it right, make it fast.") : List.of(),
        TagList.parse(String.join(" ", tags)),
        i % 9 != 4,
        i % 10 == 3,
        now.minus(Duration.ofHours(7L * i)));
  }

  public static String title(int i) {
    return TOPICS.get(i % TOPICS.size()) + " (" + (i + 1) + ")";
  }

  /** Titles of bookmarks {@code from} (inclusive) to {@code to} (exclusive), newest first. */
  public static List<String> titles(int from, int to) {
    return IntStream.range(from, to).mapToObj(Shelf::title).toList();
  }

  private static void tagIf(boolean condition, String tag, List<String> tags) {
    if (condition) {
      tags.add(tag);
    }
  }
}
