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
 * Reads the {@code Bookmarks} file of a Chrome or Chromium profile ({@code {"roots":
 * {"bookmark_bar": {"children": [...]}, "other": …, "synced": …}}}) one node at a time. A node of
 * type {@code url} is an entry; one with {@code children} a folder, whose name becomes a tag unless
 * it is one of the roots (see {@link BrowserFolders}). {@code date_added} counts microseconds since
 * 1601-01-01, as Windows does. Chrome has no tags, notes or privacy: entries are shared, as from
 * its HTML export.
 */
public final class ChromeJsonReader implements BookmarkReader {
  private static final JsonFactory JSON = new JsonFactory();

  /** 1601-01-01T00:00:00Z, where Chrome's clock starts. */
  private static final Instant WINDOWS_EPOCH = Instant.parse("1601-01-01T00:00:00Z");

  private final boolean foldersAsTags;

  public ChromeJsonReader(boolean foldersAsTags) {
    this.foldersAsTags = foldersAsTags;
  }

  @Override
  public void read(InputStream in, Consumer<ImportEntry> sink) throws IOException {
    Walk walk = new Walk(new BrowserFolders(foldersAsTags, sink));
    try (JsonParser parser = JSON.createParser(TextDecoding.reader(in))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidInputException(
            "file", "is not a Chrome bookmarks file: it must be a JSON object with roots");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        if (parser.nextToken() == JsonToken.START_OBJECT && name.equals("roots")) {
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
              walk.node(parser, null, true);
            } else {
              parser.skipChildren();
            }
          }
        } else {
          parser.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw JsonFiles.broken("entry", walk.position, e);
    } finally {
      walk.folders.finish();
    }
  }

  /** Chrome's microseconds since 1601 as an instant; 0, negatives and non-numbers give null. */
  static Instant date(String micros) {
    return JsonFiles.micros(WINDOWS_EPOCH, micros);
  }

  private static final class Walk {
    final BrowserFolders folders;
    int position;

    Walk(BrowserFolders folders) {
      this.folders = folders;
    }

    /** Reads one node from its START_OBJECT to its END_OBJECT; a root's name is no tag. */
    void node(JsonParser parser, BrowserFolders.Folder parent, boolean root) throws IOException {
      int line = parser.currentTokenLocation().getLineNr();
      Map<String, String> fields = new HashMap<>();
      BrowserFolders.Folder self = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("children") && value == JsonToken.START_ARRAY) {
          self = folders.open(parent);
          if (root || fields.containsKey("name")) {
            folders.settle(self, root ? null : fields.get("name"));
          }
          for (JsonToken t = parser.nextToken();
              t != JsonToken.END_ARRAY && t != null;
              t = parser.nextToken()) {
            if (t == JsonToken.START_OBJECT) {
              node(parser, self, false);
            } else {
              parser.skipChildren();
            }
          }
        } else if (value.isScalarValue()) {
          fields.put(name, parser.getValueAsString(""));
          if (name.equals("name") && self != null && !root) {
            folders.settle(self, fields.get("name"));
          }
        } else {
          parser.skipChildren();
        }
      }
      if (self != null) {
        folders.settle(self, root ? null : fields.get("name"));
      } else if ("url".equals(fields.get("type"))) {
        entry(line, fields, parent);
      }
    }

    private void entry(int line, Map<String, String> fields, BrowserFolders.Folder folder) {
      int at = ++position;
      String url = fields.getOrDefault("url", "");
      String title = fields.getOrDefault("name", "");
      Instant created = date(fields.getOrDefault("date_added", ""));
      folders.entry(
          folder,
          tags -> {
            Set<String> distinct = new LinkedHashSet<>(tags);
            return new ImportEntry(
                at, line, url, title, "", List.of(), List.copyOf(distinct), true, false, created);
          });
    }
  }
}
