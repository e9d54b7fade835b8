package cairn.bench;

import cairn.bookmark.PinboardHash;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes a generated dataset as the files people import: one Pinboard {@code posts/all} JSON file
 * per user ({@code NAME.json}) and, for up to {@link #NETSCAPE_MAX_USERS} users, one Netscape
 * bookmark HTML file per user ({@code NAME.html}), in id order (oldest first). They hold exactly
 * what {@link StoreLoader} loads (dates in whole seconds), so {@code cairn import FILE --user NAME}
 * of each file reproduces the dataset.
 */
final class ImportFiles implements AutoCloseable {
  static final int NETSCAPE_MAX_USERS = 1_000;
  private static final JsonFactory JSON = new JsonFactory();

  private final Dataset dataset;
  private final String[] tagNames;
  private final JsonGenerator[] json;
  private final Writer[] html;

  ImportFiles(Dataset dataset, String[] tagNames, Path dir) throws IOException {
    this.dataset = dataset;
    this.tagNames = tagNames;
    Files.createDirectories(dir);
    json = new JsonGenerator[dataset.users];
    html = new Writer[dataset.users <= NETSCAPE_MAX_USERS ? dataset.users : 0];
    for (int rank = 0; rank < dataset.users; rank++) {
      String name = dataset.userName(rank);
      json[rank] =
          JSON.createGenerator(dir.resolve(name + ".json").toFile(), JsonEncoding.UTF8)
              .useDefaultPrettyPrinter();
      json[rank].writeStartArray();
      if (rank < html.length) {
        html[rank] = Files.newBufferedWriter(dir.resolve(name + ".html"), StandardCharsets.UTF_8);
        html[rank].write(
            """
            <!DOCTYPE NETSCAPE-Bookmark-file-1>
            <META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
            <TITLE>Bookmarks</TITLE>
            <H1>Bookmarks</H1>
            <DL><p>
            """);
      }
    }
  }

  /** The Pinboard JSON file of user {@code rank} under {@code dir}. */
  static Path pinboardFile(Path dir, Dataset dataset, int rank) {
    return dir.resolve(dataset.userName(rank) + ".json");
  }

  static Path netscapeFile(Path dir, Dataset dataset, int rank) {
    return dir.resolve(dataset.userName(rank) + ".html");
  }

  void accept(List<Generator.Post> posts) {
    try {
      for (Generator.Post p : posts) {
        writeJson(json[p.user()], p);
        if (p.user() < html.length) {
          writeHtml(html[p.user()], p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeJson(JsonGenerator g, Generator.Post p) throws IOException {
    g.writeStartObject();
    g.writeStringField("href", p.url());
    g.writeStringField("description", p.title());
    g.writeStringField("extended", p.notes());
    g.writeStringField("meta", Long.toHexString(p.id()));
    g.writeStringField("hash", PinboardHash.of(p.url()));
    g.writeStringField(
        "time", Instant.ofEpochMilli(p.createdMillis()).truncatedTo(ChronoUnit.SECONDS).toString());
    g.writeStringField("shared", p.shared() ? "yes" : "no");
    g.writeStringField("toread", "no");
    g.writeStringField("tags", tags(p, " "));
    g.writeEndObject();
  }

  private void writeHtml(Writer w, Generator.Post p) throws IOException {
    w.write("<DT><A HREF=\"");
    w.write(escape(p.url()));
    w.write("\" ADD_DATE=\"" + p.createdMillis() / 1000 + "\" PRIVATE=\"");
    w.write(p.shared() ? "0" : "1");
    w.write("\" TOREAD=\"0\" TAGS=\"");
    w.write(escape(tags(p, ",")));
    w.write("\">");
    w.write(escape(p.title()));
    w.write("</A>\n");
    if (!p.notes().isEmpty()) {
      w.write("<DD>");
      w.write(escape(p.notes()));
      w.write('\n');
    }
  }

  private String tags(Generator.Post p, String separator) {
    StringBuilder s = new StringBuilder();
    for (int rank : p.tags()) {
      if (!s.isEmpty()) {
        s.append(separator);
      }
      s.append(tagNames[rank]);
    }
    return s.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  @Override
  public void close() throws IOException {
    for (JsonGenerator g : json) {
      g.writeEndArray();
      g.close();
    }
    for (Writer w : html) {
      w.write("</DL><p>\n");
      w.close();
    }
  }
}
