package cairn.exchange;

import cairn.bookmark.Bookmark;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes one file or reply of bookmarks, a bookmark at a time, to a character stream it does not
 * close: the export formats, and Pinboard's {@code posts/all}.
 */
public interface ExportWriter {
  /** Starts the file of {@code user}'s bookmarks. */
  void begin(String user) throws IOException;

  void write(Bookmark bookmark) throws IOException;

  /** Ends the file; nothing may be written after. */
  void end() throws IOException;

  /** Makes the writer for a character stream. */
  @FunctionalInterface
  interface Opener {
    ExportWriter open(Writer out) throws IOException;
  }

  static ExportWriter of(BookmarkFormat format, Writer out) throws IOException {
    return switch (format) {
      case NETSCAPE -> new NetscapeWriter(out);
      case PINBOARD_JSON -> PinboardJsonWriter.file(out);
      case DELICIOUS_XML -> new DeliciousXmlWriter(out);
      case CHROME_JSON, FIREFOX_JSON ->
          throw new IllegalArgumentException(format.id() + " is read, never written");
    };
  }
}
