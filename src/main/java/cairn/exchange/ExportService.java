package cairn.exchange;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkQueries;
import jakarta.inject.Singleton;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
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
    ExportWalk walk = new ExportWalk(pages, bookmarks, userId, pageSize);
    writer.begin(userName);
    long written = 0;
    for (List<Bookmark> chunk = walk.next(); !chunk.isEmpty(); chunk = walk.next()) {
      for (Bookmark b : chunk) {
        writer.write(b);
      }
      written += chunk.size();
      text.flush();
    }
    writer.end();
    text.flush();
    return written;
  }

  /**
   * The export as a stream that reads the store only as it is read itself, a chunk of bookmarks at
   * a time: for HTTP responses, which stop reading when the client goes away.
   */
  public InputStream open(long userId, String userName, BookmarkFormat format) {
    return new ExportStream(
        new ExportWalk(pages, bookmarks, userId, PAGE),
        userName,
        out -> ExportWriter.of(format, out));
  }
}
