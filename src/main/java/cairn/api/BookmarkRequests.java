package cairn.api;

import cairn.api.JsonObjectReader.Fields;
import cairn.bookmark.BookmarkDates;
import cairn.bookmark.BookmarkDraft;
import cairn.bookmark.BookmarkPatch;
import cairn.input.InvalidInputException;
import cairn.tag.TagList;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Set;

/**
 * The JSON bodies of {@code /api/v1/bookmarks}: {@code url}, {@code title}, {@code notes}, {@code
 * quotes} (array of strings), {@code tags} (array, or one string split on spaces and commas),
 * {@code shared}, {@code toread}, {@code created} (ISO-8601).
 */
@Singleton
final class BookmarkRequests {
  static final Set<String> FIELDS =
      Set.of("url", "title", "notes", "quotes", "tags", "shared", "toread", "created");

  private final JsonObjectReader json;

  BookmarkRequests(JsonObjectReader json) {
    this.json = json;
  }

  /** A new bookmark; unset {@code shared} takes the default, unset {@code toread} is false. */
  BookmarkDraft draft(String body, boolean sharedByDefault) {
    Fields f = json.read(body, FIELDS);
    String url =
        f.text("url")
            .orElseThrow(
                () -> new InvalidInputException("url", "is required and must not be empty"));
    return new BookmarkDraft(
        url,
        f.text("title").orElse(""),
        f.text("notes").orElse(""),
        f.textList("quotes").orElse(null),
        tags(f),
        f.bool("shared").orElse(sharedByDefault),
        f.bool("toread").orElse(false),
        created(f));
  }

  BookmarkPatch patch(String body) {
    Fields f = json.read(body, FIELDS);
    return new BookmarkPatch(
        f.text("url").orElse(null),
        f.text("title").orElse(null),
        f.text("notes").orElse(null),
        f.textList("quotes").orElse(null),
        tags(f),
        f.bool("shared").orElse(null),
        f.bool("toread").orElse(null),
        created(f));
  }

  String quoteText(String body) {
    Fields f = json.read(body, Set.of("text"));
    return f.text("text").orElseThrow(() -> new InvalidInputException("text", "is required"));
  }

  private static TagList tags(Fields f) {
    JsonNode tags = f.raw("tags").orElse(null);
    if (tags == null) {
      return null;
    }
    if (tags.isTextual()) {
      return TagList.parse(tags.textValue());
    }
    if (tags.isArray()) {
      return TagList.of(Fields.strings("tags", tags));
    }
    throw new InvalidInputException(
        "tags",
        "must be an array of strings or one string of tags separated by spaces or commas; got "
            + Fields.describe(tags));
  }

  private static Instant created(Fields f) {
    return f.text("created").map(text -> BookmarkDates.parse("created", text)).orElse(null);
  }
}
