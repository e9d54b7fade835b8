package cairn.exchange;

import cairn.input.InvalidInputException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a Pinboard {@code posts/all} JSON backup one post at a time.
 *
 * <p>Also reads the Delicious JSON export of 2021 (an array of {@code url}, {@code title}, {@code
 * description}, {@code tags} array, epoch {@code created}, {@code private} "0"/"1"): it differs
 * only in names, and a post with {@code href} is read the Pinboard way, one without it the
 * Delicious way. A {@code quotes} array (Cairn's own exports) gives the post's quotes, which are
 * then taken back out of the notes they were folded into ({@link QuoteFolding}). Notes written in
 * HTML become text, and their {@code <blockquote>} passages quotes ({@link DdText#ofNote}).
 */
public final class PinboardJsonReader implements BookmarkReader {
  private static final JsonFactory JSON = new JsonFactory();

  private final boolean splitTagsOnSpaces;

  /** A reader that keeps each element of a tags array as one tag. */
  public PinboardJsonReader() {
    this(false);
  }

  /** A reader that splits the elements of a tags array on spaces if {@code splitTagsOnSpaces}. */
  public PinboardJsonReader(boolean splitTagsOnSpaces) {
    this.splitTagsOnSpaces = splitTagsOnSpaces;
  }

  @Override
  public void read(InputStream in, Consumer<ImportEntry> sink) throws IOException {
    int position = 0;
    int done = 0;
    // decoded here, leniently, like the other formats: one bad byte must not end the file
    try (JsonParser parser = JSON.createParser(TextDecoding.reader(in))) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new InvalidInputException(
            "file", "is not a Pinboard JSON export: it must be a JSON array of posts");
      }
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
        position++;
        int line = parser.currentTokenLocation().getLineNr();
        if (token == JsonToken.START_OBJECT) {
          sink.accept(toEntry(position, line, readPost(parser)));
        } else {
          // not a post: still an entry, so the importer can say which one it skipped
          parser.skipChildren();
          sink.accept(toEntry(position, line, new Post(Map.of(), List.of(), null)));
        }
        done = position;
      }
    } catch (JsonProcessingException e) {
      throw JsonFiles.broken("post", done, e);
    }
  }

  /**
   * One post's fields as text, its quotes, and its tags when they come as an array (the Delicious
   * JSON export), or null.
   */
  private record Post(Map<String, String> fields, List<String> quotes, List<String> tagArray) {}

  /**
   * Collects one post's fields as text; an array other than tags and quotes is kept as its elements
   * joined by spaces.
   */
  private static Post readPost(JsonParser parser) throws IOException {
    Map<String, String> fields = new HashMap<>();
    List<String> quotes = List.of();
    List<String> tagArray = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.START_ARRAY) {
        List<String> parts = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          if (parser.currentToken().isScalarValue()) {
            parts.add(parser.getValueAsString(""));
          } else {
            parser.skipChildren();
          }
        }
        if (name.equals("quotes")) {
          quotes = parts.stream().filter(q -> !q.isBlank()).toList();
        } else if (name.equals("tags")) {
          tagArray = parts;
        } else {
          fields.put(name, String.join(" ", parts));
        }
      } else if (value == JsonToken.START_OBJECT) {
        parser.skipChildren();
      } else if (value != JsonToken.VALUE_NULL) {
        fields.put(name, parser.getValueAsString(""));
      }
    }
    return new Post(fields, quotes, tagArray);
  }

  private static String tagText(Post read) {
    return read.tagArray() == null ? read.fields().get("tags") : String.join(" ", read.tagArray());
  }

  private ImportEntry toEntry(int position, int line, Post read) {
    Map<String, String> post = read.fields();
    // a post with neither shape's address is read the Pinboard way, so its title is kept
    boolean pinboard =
        post.containsKey("href") || !(post.containsKey("url") || post.containsKey("title"));
    String url = pinboard ? post.get("href") : post.getOrDefault("url", "");
    String title = pinboard ? post.get("description") : post.get("title");
    String notes = pinboard ? post.get("extended") : post.get("description");
    // Pinboard separates tags by spaces; in an array each element is one tag, spaces and all
    ImportFields.Tags tags =
        read.tagArray() == null || splitTagsOnSpaces
            ? new ImportFields.Tags(
                List.copyOf(new LinkedHashSet<>(ImportFields.splitTags(tagText(read)))), List.of())
            : ImportFields.each(read.tagArray(), t -> t);
    String time = post.containsKey("time") ? post.get("time") : post.get("created");
    boolean shared =
        post.containsKey("shared")
            ? !post.get("shared").strip().equalsIgnoreCase("no")
            : !ImportFields.yes(post.get("private"));
    // quotes a Pinboard bookmarklet wrapped in <blockquote> come before those Cairn folded in after
    DdText note = DdText.ofNote(QuoteFolding.unfold(notes == null ? "" : notes, read.quotes()));
    List<String> quotes = new ArrayList<>(note.quotes());
    quotes.addAll(read.quotes());
    return new ImportEntry(
        position,
        line,
        url,
        title,
        note.notes(),
        quotes,
        tags.tags(),
        shared,
        ImportFields.yes(post.get("toread")),
        ImportFields.isoOrEpoch(time),
        tags.joined());
  }
}
