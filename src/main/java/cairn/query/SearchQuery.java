package cairn.query;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * A search as people type it in the box, in the API's {@code q} and in feeds, parsed once into a
 * small tree ({@link #parse}); the index turns the tree into one query and applies the same
 * visibility rules as to every listing.
 *
 * <p>The language: words and {@code "phrases"} (all must match, in any text field); {@code -word},
 * {@code -"phrase"}, {@code -(…)} exclude; {@code OR} between parts and parentheses group them;
 * fields {@code title:}, {@code notes:}, {@code quote:}, {@code url:}, {@code site:}; tags as
 * {@code tag:NAME} or {@code #NAME}; {@code is:unread}, {@code is:read}, {@code is:private}, {@code
 * is:public}, {@code is:untagged}; {@code after:DATE} (on or after the start of the year, month or
 * day) and {@code before:DATE} (before its start), a date being {@code 2017}, {@code 2017-07} or
 * {@code 2017-07-01} (UTC).
 */
public sealed interface SearchQuery {
  /** Words or a phrase in one text field, or in any ({@code field} null). */
  record Text(@Nullable TextField field, String text, boolean phrase) implements SearchQuery {}

  /** Bookmarks carrying a tag, by its key. */
  record Tag(String key) implements SearchQuery {}

  record Is(Flag flag) implements SearchQuery {}

  /** Created at or after {@code at} ({@code after}), or before it. */
  record Created(boolean after, Instant at) implements SearchQuery {}

  record Not(SearchQuery query) implements SearchQuery {}

  /** Every part matches; none is everything. */
  record All(List<SearchQuery> parts) implements SearchQuery {
    public All {
      parts = List.copyOf(parts);
    }
  }

  /** At least one part matches. */
  record Any(List<SearchQuery> parts) implements SearchQuery {
    public Any {
      parts = List.copyOf(parts);
    }
  }

  enum TextField {
    TITLE,
    NOTES,
    QUOTE,
    URL,
    SITE
  }

  enum Flag {
    UNREAD,
    READ,
    PRIVATE,
    PUBLIC,
    UNTAGGED
  }

  /** The empty search, which matches everything. */
  All EVERYTHING = new All(List.of());

  /**
   * Parses a search; a mistake is a {@link SearchSyntaxException} on field {@code q} that says what
   * and where (a 0-based character position in {@code text}).
   */
  static SearchQuery parse(@Nullable String text) {
    return text == null ? EVERYTHING : new SearchParser(text).parse();
  }
}
