package cairn.exchange;

import cairn.bookmark.Bookmark;
import cairn.bookmark.Bookmark.Quote;
import cairn.bookmark.PinboardHash;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Pinboard's posts as JSON: the one place their keys, key order and value formats are written — the
 * export file, the API's {@code posts/all} (streamed through this writer) and the posts of {@code
 * posts/get} and {@code posts/recent} (through {@link #writePost}).
 *
 * <p>The export file has one post per line, quotes folded into {@code extended} (see {@link
 * QuoteFolding}) and listed again in a {@code quotes} array that Pinboard clients ignore and {@link
 * PinboardJsonReader} reads back. The API answers as Pinboard does: compact, {@code extended} the
 * notes alone, no {@code quotes}.
 */
public final class PinboardJsonWriter implements ExportWriter {
  private static final JsonFactory JSON = new JsonFactory();
  private final Writer out;
  private final JsonGenerator json;
  private final boolean file;
  private boolean first = true;

  private PinboardJsonWriter(Writer out, boolean file) throws IOException {
    this.out = out;
    this.file = file;
    // the generator writes posts between text of ours: no separators or flushes of its own
    this.json =
        JSON.createGenerator(out)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)
            .setRootValueSeparator(null);
  }

  /** The export file. */
  static PinboardJsonWriter file(Writer out) throws IOException {
    return new PinboardJsonWriter(out, true);
  }

  /** The API's {@code posts/all}: a bare array, exactly as Pinboard answers. */
  public static PinboardJsonWriter reply(Writer out) throws IOException {
    return new PinboardJsonWriter(out, false);
  }

  @Override
  public void begin(String user) throws IOException {
    out.write('[');
  }

  @Override
  public void write(Bookmark b) throws IOException {
    if (file) {
      out.write(first ? "\n" : ",\n");
    } else if (!first) {
      out.write(',');
    }
    first = false;
    writePost(json, b, file);
    json.flush();
  }

  @Override
  public void end() throws IOException {
    out.write(file ? "\n]\n" : "]");
  }

  /**
   * One post: {@code href, description, extended, meta, hash, time, shared, toread, tags} in that
   * order, flags as {@code "yes"}/{@code "no"}, the time in whole seconds; with {@code quotes} the
   * quotes folded into {@code extended} and listed again.
   */
  public static void writePost(JsonGenerator json, Bookmark b, boolean quotes) throws IOException {
    json.writeStartObject();
    json.writeStringField("href", b.url());
    json.writeStringField("description", b.title());
    json.writeStringField("extended", quotes ? QuoteFolding.fold(b.notes(), texts(b)) : b.notes());
    json.writeStringField("meta", PinboardHash.meta(b));
    json.writeStringField("hash", b.hash());
    json.writeStringField("time", time(b.created()));
    json.writeStringField("shared", b.shared() ? "yes" : "no");
    json.writeStringField("toread", b.toread() ? "yes" : "no");
    json.writeStringField("tags", String.join(" ", b.tags()));
    if (quotes && !b.quotes().isEmpty()) {
      json.writeArrayFieldStart("quotes");
      for (String quote : texts(b)) {
        json.writeString(quote);
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  /** A time as Pinboard writes it: UTC, whole seconds, {@code Z}. */
  public static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  static List<String> texts(Bookmark b) {
    return b.quotes().stream().map(Quote::text).toList();
  }
}
