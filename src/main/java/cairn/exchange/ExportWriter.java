package cairn.exchange;

import cairn.bookmark.Bookmark;
import java.io.IOException;
import java.io.Writer;

/** Writes one export format, a bookmark at a time, to a character stream it does not close. */
interface ExportWriter {
  /** Starts the file of {@code user}'s bookmarks. */
  void begin(String user) throws IOException;

  void write(Bookmark bookmark) throws IOException;

  /** Ends the file; nothing may be written after. */
  void end() throws IOException;

  static ExportWriter of(BookmarkFormat format, Writer out) throws IOException {
    return switch (format) {
      case NETSCAPE -> new NetscapeWriter(out);
      case PINBOARD_JSON -> new PinboardJsonWriter(out);
      case DELICIOUS_XML -> new DeliciousXmlWriter(out);
      case CHROME_JSON, FIREFOX_JSON ->
          throw new IllegalArgumentException(format.id() + " is read, never written");
    };
  }
}
