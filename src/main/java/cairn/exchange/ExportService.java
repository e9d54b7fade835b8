package cairn.exchange;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkQueries;
import jakarta.inject.Singleton;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Exports everything a user has saved, private bookmarks included, in one of the {@link
 * BookmarkFormat}s: a dump of the store, newest first, read a page at a time and written as it is
 * read, so neither the file nor the list of bookmarks is ever held in memory.
 */
@Singleton
public class ExportService {
  /** Ids per store read; walking is cheap, so pages are large. */
  static final int PAGE = 5000;

  /** Bookmarks hydrated (tags and quotes) per read. */
  static final int HYDRATE = 500;

  private final ExportQueries pages;
  private final BookmarkQueries bookmarks;

  ExportService(ExportQueries pages, BookmarkQueries bookmarks) {
    this.pages = pages;
    this.bookmarks = bookmarks;
  }

  /**
   * Writes all of the user's bookmarks to {@code out} as UTF-8, flushing after each page; does not
   * close it. Returns how many were written.
   */
  public long export(long userId, String userName, BookmarkFormat format, OutputStream out)
      throws IOException {
    return export(userId, userName, format, out, PAGE);
  }

  /**
   * As {@link #export(long, String, BookmarkFormat, OutputStream)}, {@code pageSize} ids a read.
   */
  long export(long userId, String userName, BookmarkFormat format, OutputStream out, int pageSize)
      throws IOException {
    Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65536);
    ExportWriter writer = ExportWriter.of(format, text);
    writer.begin(userName);
    long written = 0;
    ExportQueries.Position after = null;
    List<ExportQueries.Position> page;
    do {
      page = pages.page(userId, after, pageSize);
      for (int from = 0; from < page.size(); from += HYDRATE) {
        List<Long> ids =
            page.subList(from, Math.min(page.size(), from + HYDRATE)).stream()
                .map(ExportQueries.Position::id)
                .toList();
        for (Bookmark b : bookmarks.list(ids)) {
          writer.write(b);
          written++;
        }
        text.flush();
      }
      after = page.isEmpty() ? null : page.getLast();
    } while (page.size() == pageSize);
    writer.end();
    text.flush();
    return written;
  }
}
