package cairn.exchange;

import cairn.bookmark.Bookmark;
import cairn.input.XmlText;
import java.io.IOException;
import java.io.Writer;
import java.time.temporal.ChronoUnit;

/**
 * A Delicious XML export ({@code <posts><post href= description= extended= tag= time= shared=
 * hash=/>}), written by hand so that line breaks in attributes survive as character references.
 * Quotes are folded into {@code extended} and listed again as {@code <quote>} children, which
 * {@link DeliciousXmlReader} reads back. Characters XML 1.0 cannot hold are left out.
 */
final class DeliciousXmlWriter implements ExportWriter {
  private final Writer out;

  DeliciousXmlWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void begin(String user) throws IOException {
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<posts user=\"");
    out.write(XmlText.escape(user));
    out.write("\" tag=\"\">\n");
  }

  @Override
  public void write(Bookmark b) throws IOException {
    out.write("  <post href=\"" + XmlText.escape(b.url()));
    out.write("\" hash=\"" + b.hash());
    out.write("\" description=\"" + XmlText.escape(b.title()));
    out.write("\" extended=\"");
    out.write(XmlText.escape(QuoteFolding.fold(b.notes(), PinboardJsonWriter.texts(b))));
    out.write("\" tag=\"" + XmlText.escape(String.join(" ", b.tags())));
    out.write("\" time=\"" + b.created().truncatedTo(ChronoUnit.SECONDS));
    out.write("\" shared=\"" + (b.shared() ? "yes" : "no"));
    out.write(b.toread() ? "\" toread=\"yes\"" : "\"");
    if (b.quotes().isEmpty()) {
      out.write("/>\n");
      return;
    }
    out.write(">\n");
    for (String quote : PinboardJsonWriter.texts(b)) {
      out.write("    <quote>" + XmlText.escape(quote) + "</quote>\n");
    }
    out.write("  </post>\n");
  }

  @Override
  public void end() throws IOException {
    out.write("</posts>\n");
  }
}
