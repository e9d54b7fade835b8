package cairn.api.pinboard;

import cairn.bookmark.Bookmark;
import cairn.bookmark.PinboardHash;
import cairn.exchange.ExportWriter;
import cairn.exchange.PinboardJsonWriter;
import cairn.input.XmlText;
import java.io.IOException;
import java.io.Writer;

/**
 * Pinboard's XML, written as Pinboard writes it: empty elements end in {@code " />"} (clients such
 * as newsboat's match that text), and every value goes through {@link XmlText#escape}, so line
 * breaks in an attribute survive and a control character stored long ago cannot break the document.
 * A StAX writer did neither.
 */
final class PinboardXml {
  static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  private final StringBuilder out = new StringBuilder(256);

  /** A whole document, starting with the XML declaration. */
  static PinboardXml document() {
    PinboardXml x = new PinboardXml();
    x.out.append(DECLARATION);
    return x;
  }

  PinboardXml start(String name) {
    out.append('<').append(name);
    return this;
  }

  PinboardXml attribute(String name, String value) {
    out.append(' ').append(name).append("=\"").append(XmlText.escape(value)).append('"');
    return this;
  }

  void empty() {
    out.append(" />");
  }

  void open() {
    out.append('>');
  }

  void end(String name) {
    out.append("</").append(name).append('>');
  }

  void element(String name, String text) {
    out.append('<').append(name).append('>').append(XmlText.escape(text));
    end(name);
  }

  /**
   * One {@code <post … />}: Pinboard's attribute order, {@code tag} for the tags, {@code meta} only
   * when asked for, {@code toread} only when yes.
   */
  void post(Bookmark b, boolean meta) {
    start("post")
        .attribute("href", b.url())
        .attribute("time", PinboardJsonWriter.time(b.created()))
        .attribute("description", b.title())
        .attribute("extended", b.notes())
        .attribute("tag", String.join(" ", b.tags()))
        .attribute("hash", b.hash());
    if (meta) {
      attribute("meta", PinboardHash.meta(b));
    }
    attribute("shared", b.shared() ? "yes" : "no");
    if (b.toread()) {
      attribute("toread", "yes");
    }
    empty();
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** {@code posts/all} in XML, written a post at a time as the reply streams. */
  static ExportWriter allPosts(Writer out, boolean meta) {
    return new ExportWriter() {
      @Override
      public void begin(String user) throws IOException {
        PinboardXml x = new PinboardXml();
        x.out.append(DECLARATION);
        x.start("posts").attribute("user", user).open();
        out.write(x.toString());
      }

      @Override
      public void write(Bookmark b) throws IOException {
        PinboardXml x = new PinboardXml();
        x.post(b, meta);
        out.write(x.toString());
      }

      @Override
      public void end() throws IOException {
        out.write("</posts>");
      }
    };
  }
}
