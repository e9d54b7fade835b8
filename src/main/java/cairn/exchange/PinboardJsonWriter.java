package cairn.exchange;

import cairn.bookmark.Bookmark;
import cairn.bookmark.Bookmark.Quote;
import cairn.bookmark.PinboardHash;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.time.temporal.ChronoUnit;

/**
 * Pinboard's {@code posts/all} JSON, one post per line. Quotes are folded into {@code extended}
 * (see {@link QuoteFolding}) and listed again in a {@code quotes} array that Pinboard clients
 * ignore and {@link PinboardJsonReader} reads back.
 */
final class PinboardJsonWriter implements ExportWriter {
  private static final JsonFactory JSON = new JsonFactory();
  private final Writer out;
  private final JsonGenerator json;
  private boolean first = true;

  PinboardJsonWriter(Writer out) throws IOException {
    this.out = out;
    // the generator writes posts between text of ours: no separators or flushes of its own
    this.json =
        JSON.createGenerator(out)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)
            .setRootValueSeparator(null);
  }

  @Override
  public void begin(String user) throws IOException {
    out.write('[');
  }

  @Override
  public void write(Bookmark b) throws IOException {
    out.write(first ? "\n" : ",\n");
    first = false;
    json.writeStartObject();
    json.writeStringField("href", b.url());
    json.writeStringField("description", b.title());
    json.writeStringField("extended", QuoteFolding.fold(b.notes(), texts(b)));
    // Pinboard's change signature, the same value its API gives (see api.pinboard)
    json.writeStringField("meta", PinboardHash.of(b.id() + ":" + b.updated().toEpochMilli()));
    json.writeStringField("hash", b.hash());
    json.writeStringField("time", b.created().truncatedTo(ChronoUnit.SECONDS).toString());
    json.writeStringField("shared", b.shared() ? "yes" : "no");
    json.writeStringField("toread", b.toread() ? "yes" : "no");
    json.writeStringField("tags", String.join(" ", b.tags()));
    if (!b.quotes().isEmpty()) {
      json.writeArrayFieldStart("quotes");
      for (String quote : texts(b)) {
        json.writeString(quote);
      }
      json.writeEndArray();
    }
    json.writeEndObject();
    json.flush();
  }

  @Override
  public void end() throws IOException {
    out.write("\n]\n");
  }

  static java.util.List<String> texts(Bookmark b) {
    return b.quotes().stream().map(Quote::text).toList();
  }
}
