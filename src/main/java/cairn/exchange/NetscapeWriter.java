package cairn.exchange;

import cairn.bookmark.Bookmark;
import cairn.bookmark.Bookmark.Quote;
import cairn.input.TextLimits;
import java.io.IOException;
import java.io.Writer;

/**
 * Netscape bookmark HTML as browsers and Pinboard import it: {@code ADD_DATE} and {@code
 * LAST_MODIFIED} in seconds, {@code TAGS} comma-separated, {@code PRIVATE} and {@code TOREAD} as 0
 * or 1, notes in a {@code <DD>} and each quote after them in a {@code <BLOCKQUOTE>}, which other
 * tools read as part of the notes and {@link NetscapeReader} reads back as a quote.
 */
final class NetscapeWriter implements ExportWriter {
  private final Writer out;

  NetscapeWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void begin(String user) throws IOException {
    out.write(
        """
        <!DOCTYPE NETSCAPE-Bookmark-file-1>
        <!-- This is an automatically generated file.
             It will be read and overwritten.
             DO NOT EDIT! -->
        <META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
        <TITLE>Bookmarks</TITLE>
        <H1>Bookmarks</H1>
        <DL><p>
        """);
  }

  @Override
  public void write(Bookmark b) throws IOException {
    out.write("<DT><A HREF=\"");
    out.write(escape(b.url(), true));
    out.write("\" ADD_DATE=\"" + b.created().getEpochSecond());
    out.write("\" LAST_MODIFIED=\"" + b.updated().getEpochSecond());
    out.write("\" PRIVATE=\"" + (b.shared() ? 0 : 1));
    out.write("\" TOREAD=\"" + (b.toread() ? 1 : 0));
    out.write("\" TAGS=\"");
    out.write(escape(String.join(",", b.tags()), true));
    out.write("\">");
    out.write(escape(b.title(), false));
    out.write("</A>\n");
    if (!b.notes().isEmpty() || !b.quotes().isEmpty()) {
      out.write("<DD>");
      out.write(escape(b.notes(), false));
      for (Quote quote : b.quotes()) {
        out.write("<BLOCKQUOTE>");
        out.write(escape(quote.text(), false));
        out.write("</BLOCKQUOTE>");
      }
      out.write('\n');
    }
  }

  @Override
  public void end() throws IOException {
    out.write("</DL><p>\n");
  }

  /** Escapes markup characters; in attributes the double quote too. */
  static String escape(String raw, boolean attribute) {
    String text = TextLimits.withoutControls(raw);
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> attribute ? "&quot;" : null;
            default -> null;
          };
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }
}
