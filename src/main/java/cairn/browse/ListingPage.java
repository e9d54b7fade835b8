package cairn.browse;

import cairn.bookmark.Bookmark;
import cairn.query.Cursor;
import cairn.query.Passage;
import cairn.query.TagCount;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * One page of a listing: its bookmarks in order, the total number of matches, the related tags
 * (alphabetical), the cursors to the pages on either side, if any, and for each shared bookmark on
 * the page that others shared too, how many others.
 */
public record ListingPage(
    List<Bookmark> items,
    long total,
    List<TagCount> related,
    @Nullable Cursor earlier,
    @Nullable Cursor later,
    int perPage,
    Map<Long, Integer> others,
    Map<Long, Passage> passages) {

  /** Why this bookmark matched the text search, or {@code null}. */
  public Passage passage(Bookmark b) {
    return passages.get(b.id());
  }

  /** How many other people shared the URL of this bookmark, if it is on the page and shared. */
  public int savedByOthers(Bookmark b) {
    return others.getOrDefault(b.id(), 0);
  }

  /** The related tags, most frequent first. */
  public List<TagCount> relatedByCount() {
    return related.stream().sorted(TagCount.BY_COUNT).toList();
  }
}
