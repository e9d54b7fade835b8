package cairn.exchange;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkQueries;
import java.util.List;

/**
 * Walks one user's bookmarks newest first: pages of ids from the store, each handed out hydrated
 * (tags and quotes) {@value #HYDRATE} at a time. Every step is a short read of its own.
 */
final class ExportWalk implements ExportStream.Source {
  /** Bookmarks hydrated per read. */
  static final int HYDRATE = 500;

  private final ExportQueries pages;
  private final BookmarkQueries bookmarks;
  private final long userId;
  private final int pageSize;
  private List<ExportQueries.Position> page = List.of();
  private int next;
  private boolean last;

  ExportWalk(ExportQueries pages, BookmarkQueries bookmarks, long userId, int pageSize) {
    this.pages = pages;
    this.bookmarks = bookmarks;
    this.userId = userId;
    this.pageSize = pageSize;
  }

  @Override
  public List<Bookmark> next() {
    if (next == page.size()) {
      if (last) {
        return List.of();
      }
      ExportQueries.Position after = page.isEmpty() ? null : page.getLast();
      page = pages.page(userId, after, pageSize);
      next = 0;
      last = page.size() < pageSize;
      if (page.isEmpty()) {
        return List.of();
      }
    }
    int to = Math.min(page.size(), next + HYDRATE);
    List<Long> ids = page.subList(next, to).stream().map(ExportQueries.Position::id).toList();
    next = to;
    List<Bookmark> chunk = bookmarks.list(ids);
    // a bookmark deleted since its page was read is just left out; go on if all were
    return chunk.isEmpty() ? next() : chunk;
  }
}
