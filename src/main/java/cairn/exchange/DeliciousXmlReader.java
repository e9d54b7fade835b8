package cairn.exchange;

import cairn.input.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a Delicious XML export ({@code <posts><post href= description= extended= tag= time=
 * shared="no"/></posts>}) one post at a time with StAX. {@code <quote>} children of a post (Cairn's
 * own exports) are its quotes, taken back out of the notes they were folded into.
 */
public final class DeliciousXmlReader implements BookmarkReader {
  private static final XMLInputFactory XML = newFactory();

  @Override
  public void read(InputStream in, Consumer<ImportEntry> sink) throws IOException {
    int position = 0;
    XMLStreamReader xml = null;
    try {
      // decoded here, leniently, like the other formats: one bad byte must not end the file
      xml = XML.createXMLStreamReader(TextDecoding.reader(in));
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("post")) {
          sink.accept(toEntry(++position, xml));
        }
      }
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
      throw new InvalidInputException(
          "file",
          "is not valid XML after post " + position + " (line " + line + "): " + e.getMessage());
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException ignored) {
          // nothing more is read; the caller closes the stream itself
        }
      }
    }
  }

  private static ImportEntry toEntry(int position, XMLStreamReader xml) throws XMLStreamException {
    int line = xml.getLocation().getLineNumber();
    Set<String> tags = new LinkedHashSet<>(ImportFields.splitTags(attr(xml, "tag")));
    boolean shared =
        !attr(xml, "shared").strip().equalsIgnoreCase("no")
            && !ImportFields.yes(attr(xml, "private"));
    String href = attr(xml, "href");
    String title = attr(xml, "description");
    String notes = attr(xml, "extended");
    boolean toread = ImportFields.yes(attr(xml, "toread"));
    Instant created = ImportFields.isoOrEpoch(attr(xml, "time"));
    List<String> quotes = quotes(xml);
    return new ImportEntry(
        position,
        line,
        href,
        title,
        QuoteFolding.unfold(notes, quotes),
        quotes,
        List.copyOf(tags),
        shared,
        toread,
        created);
  }

  /** Reads to the end of the post, keeping the text of its {@code <quote>} children. */
  private static List<String> quotes(XMLStreamReader xml) throws XMLStreamException {
    List<String> quotes = new ArrayList<>();
    int depth = 1;
    while (depth > 0 && xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (depth == 1 && xml.getLocalName().equals("quote")) {
          String text = xml.getElementText();
          if (!text.isBlank()) {
            quotes.add(text);
          }
        } else {
          depth++;
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    return quotes;
  }

  private static String attr(XMLStreamReader xml, String name) {
    String value = xml.getAttributeValue(null, name);
    return value == null ? "" : value;
  }

  /** A factory that never fetches a DTD or expands external entities (XXE). */
  private static XMLInputFactory newFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }
}
