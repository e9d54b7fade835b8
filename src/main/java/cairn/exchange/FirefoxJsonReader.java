package cairn.exchange;

import cairn.input.InvalidInputException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a Firefox bookmarks backup ({@code bookmarks-DATE.json}: nested {@code
 * text/x-moz-place-container} nodes down to {@code text/x-moz-place} entries) one node at a time.
 * Containers with a {@code root} (menu, toolbar, unfiled, mobile) are the browser's own and give no
 * tag; other containers are folders, whose titles become tags (see {@link BrowserFolders}). The
 * tags root is skipped: each entry carries its tags itself, comma-separated. {@code dateAdded}
 * counts microseconds since the epoch; a {@code bookmarkProperties/description} annotation gives
 * the notes. Entries are shared, as from Firefox's HTML export.
 */
public final class FirefoxJsonReader implements BookmarkReader {
  private static final JsonFactory JSON = new JsonFactory();
  private static final String PLACE = "text/x-moz-place";
  private static final String DESCRIPTION = "bookmarkProperties/description";

  private final boolean foldersAsTags;
  private final boolean splitTagsOnSpaces;

  public FirefoxJsonReader(boolean foldersAsTags, boolean splitTagsOnSpaces) {
    this.foldersAsTags = foldersAsTags;
    this.splitTagsOnSpaces = splitTagsOnSpaces;
  }

  @Override
  public void read(InputStream in, Consumer<ImportEntry> sink) throws IOException {
    Walk walk = new Walk(new BrowserFolders(foldersAsTags, sink));
    try (JsonParser parser = JSON.createParser(TextDecoding.reader(in))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidInputException(
            "file", "is not a Firefox bookmarks backup: it must be a JSON object of places");
      }
      walk.node(parser, null);
    } catch (JsonProcessingException e) {
      throw JsonFiles.broken("entry", walk.position, e);
    } finally {
      walk.folders.finish();
    }
  }

  /** Firefox's microseconds since 1970 as an instant; 0, negatives and non-numbers give null. */
  static Instant date(String micros) {
    return JsonFiles.micros(Instant.EPOCH, micros);
  }

  private final class Walk {
    final BrowserFolders folders;
    int position;

    Walk(BrowserFolders folders) {
      this.folders = folders;
    }

    /**
     * Reads one node from its START_OBJECT to its END_OBJECT. Firefox writes {@code title} and
     * {@code root} before {@code children}, so a container is settled when its children begin.
     */
    void node(JsonParser parser, BrowserFolders.Folder parent) throws IOException {
      int line = parser.currentTokenLocation().getLineNr();
      Map<String, String> fields = new HashMap<>();
      BrowserFolders.Folder self = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("children") && value == JsonToken.START_ARRAY) {
          self = folders.open(parent);
          String root = fields.get("root");
          folders.settle(self, root != null ? null : fields.get("title"));
          if ("tagsFolder".equals(root)) {
            parser.skipChildren();
            continue;
          }
          for (JsonToken t = parser.nextToken();
              t != JsonToken.END_ARRAY && t != null;
              t = parser.nextToken()) {
            if (t == JsonToken.START_OBJECT) {
              node(parser, self);
            } else {
              parser.skipChildren();
            }
          }
        } else if (name.equals("annos") && value == JsonToken.START_ARRAY) {
          String description = description(parser);
          if (description != null) {
            fields.put(DESCRIPTION, description);
          }
        } else if (value.isScalarValue()) {
          fields.put(name, parser.getValueAsString(""));
        } else {
          parser.skipChildren();
        }
      }
      if (self == null && PLACE.equals(fields.get("type"))) {
        entry(line, fields, parent);
      }
    }

    private void entry(int line, Map<String, String> fields, BrowserFolders.Folder folder) {
      int at = ++position;
      String url = fields.getOrDefault("uri", "");
      String title = fields.getOrDefault("title", "");
      String notes = fields.getOrDefault(DESCRIPTION, "");
      String tagText = fields.getOrDefault("tags", "");
      ImportFields.Tags own =
          splitTagsOnSpaces
              ? new ImportFields.Tags(ImportFields.splitTags(tagText), List.of())
              : ImportFields.splitOnCommas(tagText, TextDecoding::repair);
      Instant created = date(fields.getOrDefault("dateAdded", ""));
      folders.entry(
          folder,
          folderTags -> {
            Set<String> tags = new LinkedHashSet<>(own.tags());
            tags.addAll(folderTags);
            return new ImportEntry(
                at,
                line,
                url,
                title,
                notes,
                List.of(),
                List.copyOf(tags),
                true,
                false,
                created,
                own.joined());
          });
    }
  }

  /** The value of the description annotation in an {@code annos} array, or null. */
  private static String description(JsonParser parser) throws IOException {
    String description = null;
    for (JsonToken t = parser.nextToken();
        t != JsonToken.END_ARRAY && t != null;
        t = parser.nextToken()) {
      if (t != JsonToken.START_OBJECT) {
        parser.skipChildren();
        continue;
      }
      String name = null;
      String value = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken v = parser.nextToken();
        if (v.isScalarValue() && field.equals("name")) {
          name = parser.getValueAsString("");
        } else if (v.isScalarValue() && field.equals("value")) {
          value = parser.getValueAsString("");
        } else {
          parser.skipChildren();
        }
      }
      if (DESCRIPTION.equals(name)) {
        description = value;
      }
    }
    return description;
  }
}
