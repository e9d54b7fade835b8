package cairn.bookmark;

import static cairn.input.TextLimits.storable;

import cairn.input.InvalidInputException;
import cairn.tag.TagList;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * Everything needed to save a new bookmark, checked against the rules when built.
 *
 * @param created when the user saved it; {@code null} means now (or, on replace, keep the original)
 */
public record BookmarkDraft(
    String url,
    String title,
    String notes,
    List<String> quotes,
    TagList tags,
    boolean shared,
    boolean toread,
    @Nullable Instant created) {
  public static final int MAX_QUOTES = 100;

  public BookmarkDraft {
    url = UrlKey.clean(url);
    UrlKey.of(url);
    title = storable("title", title == null ? "" : title).strip();
    notes = storable("notes", notes == null ? "" : notes);
    quotes = checkQuotes(quotes == null ? List.of() : quotes);
    tags = tags == null ? TagList.EMPTY : tags;
    if (created != null) {
      BookmarkDates.check("created", created);
    }
  }

  static List<String> checkQuotes(List<String> quotes) {
    if (quotes.size() > MAX_QUOTES) {
      throw new InvalidInputException(
          "quotes", "a bookmark has at most 100 quotes; got " + quotes.size());
    }
    for (int i = 0; i < quotes.size(); i++) {
      checkQuote("quotes[" + i + "]", quotes.get(i));
    }
    return List.copyOf(quotes);
  }

  static String checkQuote(String field, String text) {
    String stored = text == null ? "" : storable(field, text);
    if (stored.isBlank()) {
      throw new InvalidInputException(field, "a quote must not be empty");
    }
    return stored;
  }
}
