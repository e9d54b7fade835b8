package cairn.browse;

import cairn.bookmark.Bookmark;
import cairn.search.Cursor;
import cairn.search.TagCount;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * One page of a listing: its bookmarks in order, the total number of matches, the related tags
 * (alphabetical), and the cursors to the pages on either side, if any.
 */
public record ListingPage(
    List<Bookmark> items,
    long total,
    List<TagCount> related,
    @Nullable Cursor earlier,
    @Nullable Cursor later,
    int perPage) {

  /** The related tags, most frequent first. */
  public List<TagCount> relatedByCount() {
    return related.stream().sorted(TagCount.BY_COUNT).toList();
  }
}
