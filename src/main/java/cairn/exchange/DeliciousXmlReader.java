package cairn.exchange;

import cairn.input.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
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
 * shared="no"/></posts>}) one post at a time with StAX.
 */
public final class DeliciousXmlReader implements BookmarkReader {
  private static final XMLInputFactory XML = newFactory();

  @Override
  public void read(InputStream in, Consumer<ImportEntry> sink) throws IOException {
    int position = 0;
    XMLStreamReader xml = null;
    try {
      xml = XML.createXMLStreamReader(in);
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

  private static ImportEntry toEntry(int position, XMLStreamReader xml) {
    Set<String> tags = new LinkedHashSet<>(ImportFields.splitTags(attr(xml, "tag")));
    boolean shared =
        !attr(xml, "shared").strip().equalsIgnoreCase("no")
            && !ImportFields.yes(attr(xml, "private"));
    return new ImportEntry(
        position,
        attr(xml, "href"),
        attr(xml, "description"),
        attr(xml, "extended"),
        List.copyOf(tags),
        shared,
        ImportFields.yes(attr(xml, "toread")),
        ImportFields.isoOrEpoch(attr(xml, "time")));
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
