package cairn.query;

import cairn.query.SearchQuery.Flag;
import cairn.query.SearchQuery.Is;
import cairn.query.SearchQuery.Not;
import cairn.query.SearchQuery.Tag;
import cairn.query.SearchQuery.Text;
import cairn.query.SearchQuery.TextField;
import cairn.tag.TagName;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search language's tokenizer and recursive-descent parser (grammar below); every mistake is a
 * {@link SearchSyntaxException} with the position of the token at fault.
 *
 * <pre>
 * search := any EOF
 * any    := all ("OR" all)*
 * all    := unary unary*            (side by side means AND)
 * unary  := "-" atom | atom         (the "-" touches what it excludes)
 * atom   := "(" any ")" | WORD | PHRASE | "#"TAG | FIELD ":" (WORD | PHRASE)
 * </pre>
 *
 * A word of letters and a colon is a field only when the name is one (or an alias: {@code tags},
 * {@code quotes}, {@code note}); a name within two edits of one is a mistake with a suggestion
 * ({@code titel:}); anything else with a colon ({@code https://…}, {@code 10:30}) is a word. {@code
 * AND} may be written; it changes nothing.
 */
final class SearchParser {
  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("title", "title"),
          Map.entry("notes", "notes"),
          Map.entry("note", "notes"),
          Map.entry("quote", "quote"),
          Map.entry("quotes", "quote"),
          Map.entry("url", "url"),
          Map.entry("site", "site"),
          Map.entry("tag", "tag"),
          Map.entry("tags", "tag"),
          Map.entry("is", "is"),
          Map.entry("after", "after"),
          Map.entry("before", "before"));

  private static final List<String> NAMES =
      List.of("title", "notes", "quote", "url", "site", "tag", "is", "after", "before");

  private static final Pattern FIELD = Pattern.compile("([A-Za-z]+):(.*)", Pattern.DOTALL);

  private enum Kind {
    WORD,
    PHRASE,
    TAG,
    FIELD,
    MINUS,
    OR,
    OPEN,
    CLOSE,
    END
  }

  private record Token(Kind kind, String text, int position) {}

  private final String input;
  private final List<Token> tokens = new ArrayList<>();
  private int next;

  SearchParser(String input) {
    this.input = input;
  }

  SearchQuery parse() {
    tokenize();
    if (peek().kind == Kind.END) {
      return SearchQuery.EVERYTHING;
    }
    SearchQuery query = any();
    Token left = peek();
    if (left.kind != Kind.END) {
      // any() stops only at the end or at a ")" it did not open
      throw new SearchSyntaxException("unbalanced parenthesis", left.position);
    }
    return query;
  }

  private SearchQuery any() {
    List<SearchQuery> parts = new ArrayList<>();
    parts.add(all());
    while (peek().kind == Kind.OR) {
      Token or = take();
      Kind after = peek().kind;
      if (after == Kind.END || after == Kind.CLOSE || after == Kind.OR) {
        throw new SearchSyntaxException("OR needs something after it", or.position);
      }
      parts.add(all());
    }
    return parts.size() == 1 ? parts.get(0) : new SearchQuery.Any(parts);
  }

  private SearchQuery all() {
    List<SearchQuery> parts = new ArrayList<>();
    for (Kind k = peek().kind; k != Kind.END && k != Kind.CLOSE && k != Kind.OR; k = peek().kind) {
      parts.add(unary());
    }
    if (parts.isEmpty()) {
      Token at = peek();
      throw at.kind == Kind.OR
          ? new SearchSyntaxException("OR needs something before it", at.position)
          : new SearchSyntaxException("unbalanced parenthesis", at.position);
    }
    return parts.size() == 1 ? parts.get(0) : new SearchQuery.All(parts);
  }

  private SearchQuery unary() {
    if (peek().kind != Kind.MINUS) {
      return atom();
    }
    Token minus = take();
    Kind k = peek().kind;
    if (k != Kind.WORD && k != Kind.PHRASE && k != Kind.TAG && k != Kind.FIELD && k != Kind.OPEN) {
      throw new SearchSyntaxException(
          "'-' must touch the word, phrase, tag, field or group it excludes", minus.position);
    }
    return new Not(atom());
  }

  private SearchQuery atom() {
    Token t = take();
    return switch (t.kind) {
      case OPEN -> {
        if (peek().kind == Kind.CLOSE) {
          throw new SearchSyntaxException("empty parentheses", t.position);
        }
        SearchQuery inside = any();
        if (peek().kind != Kind.CLOSE) {
          throw new SearchSyntaxException("unbalanced parenthesis", t.position);
        }
        take();
        yield inside;
      }
      case WORD -> new Text(null, t.text, false);
      case PHRASE -> phrase(null, t);
      case TAG -> tag(t.text, t.position);
      case FIELD -> field(t, take());
      default -> throw new IllegalStateException("not an atom: " + t);
    };
  }

  private static SearchQuery phrase(TextField field, Token t) {
    if (t.text.isBlank()) {
      throw new SearchSyntaxException("empty phrase", t.position);
    }
    return new Text(field, t.text, true);
  }

  private SearchQuery field(Token name, Token value) {
    String field = name.text;
    return switch (field) {
      case "title" -> text(TextField.TITLE, value);
      case "notes" -> text(TextField.NOTES, value);
      case "quote" -> text(TextField.QUOTE, value);
      case "url" -> text(TextField.URL, value);
      case "site" -> text(TextField.SITE, value);
      case "tag" -> tag(value.text, value.position);
      case "is" -> is(value);
      case "after", "before" -> new SearchQuery.Created(field.equals("after"), start(field, value));
      default -> throw new IllegalStateException("no field " + field);
    };
  }

  private static SearchQuery text(TextField field, Token value) {
    return value.kind == Kind.PHRASE ? phrase(field, value) : new Text(field, value.text, false);
  }

  private static SearchQuery tag(String name, int position) {
    if (name.isBlank()) {
      throw new SearchSyntaxException("a tag needs a name", position);
    }
    return new Tag(TagName.keyOf(name));
  }

  private static SearchQuery is(Token value) {
    try {
      return new Is(Flag.valueOf(value.text.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new SearchSyntaxException(
          "is: takes unread, read, private, public or untagged, not '" + value.text + "'",
          value.position);
    }
  }

  /** The first instant of the year, month or day the value names. */
  private static java.time.Instant start(String field, Token value) {
    String text = value.text;
    try {
      LocalDate day =
          switch (text.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(text), 1, 1);
            case 7 -> YearMonth.parse(text).atDay(1);
            case 10 -> LocalDate.parse(text);
            default -> throw new DateTimeParseException("length", text, 0);
          };
      return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new SearchSyntaxException(
          field + ": takes a date like 2017, 2017-07 or 2017-07-01, not '" + text + "'",
          value.position);
    }
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    return tokens.get(next++);
  }

  private void tokenize() {
    int i = 0;
    int n = input.length();
    while (i < n) {
      char c = input.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(') {
        tokens.add(new Token(Kind.OPEN, "(", i++));
      } else if (c == ')') {
        tokens.add(new Token(Kind.CLOSE, ")", i++));
      } else if (c == '"') {
        i = phrase(i);
      } else if (c == '-' && i + 1 < n && startsAtom(input.charAt(i + 1))) {
        tokens.add(new Token(Kind.MINUS, "-", i++));
      } else if (c == '#' && i + 1 < n && startsWord(input.charAt(i + 1))) {
        int end = wordEnd(i + 1);
        tokens.add(new Token(Kind.TAG, input.substring(i + 1, end), i));
        i = end;
      } else {
        i = word(i);
      }
    }
    tokens.add(new Token(Kind.END, "", n));
  }

  private int phrase(int open) {
    int close = input.indexOf('"', open + 1);
    if (close < 0) {
      throw new SearchSyntaxException("unclosed quote", open);
    }
    tokens.add(new Token(Kind.PHRASE, input.substring(open + 1, close), open));
    return close + 1;
  }

  private int word(int start) {
    int end = wordEnd(start);
    String word = input.substring(start, end);
    if (word.equals("OR")) {
      tokens.add(new Token(Kind.OR, word, start));
      return end;
    }
    if (word.equals("AND")) {
      return end; // side by side already means AND
    }
    Matcher m = FIELD.matcher(word);
    if (m.matches()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      String field = FIELDS.get(name);
      boolean valueFollows =
          !m.group(2).isEmpty() || (end < input.length() && input.charAt(end) == '"');
      if (field == null) {
        String near = nearest(name);
        if (near != null && !m.group(2).startsWith("//")) {
          throw new SearchSyntaxException(
              "unknown field \"" + m.group(1) + ":\" — did you mean " + near + ":?", start);
        }
      } else if (!valueFollows) {
        throw new SearchSyntaxException(field + ": needs a value", start);
      } else {
        tokens.add(new Token(Kind.FIELD, field, start));
        int valueAt = start + m.group(1).length() + 1;
        if (m.group(2).isEmpty()) {
          return phrase(end);
        }
        tokens.add(new Token(Kind.WORD, m.group(2), valueAt));
        return end;
      }
    }
    tokens.add(new Token(Kind.WORD, word, start));
    return end;
  }

  private int wordEnd(int from) {
    int i = from;
    while (i < input.length() && startsWord(input.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean startsWord(char c) {
    return !Character.isWhitespace(c) && c != '(' && c != ')' && c != '"';
  }

  private static boolean startsAtom(char c) {
    return c == '(' || c == '"' || startsWord(c) && c != '-';
  }

  /** The field within two edits of {@code name}, if any (names of one or two letters: none). */
  private static String nearest(String name) {
    if (name.length() < 3) {
      return null;
    }
    String best = null;
    int bestDistance = 3;
    for (String field : NAMES) {
      int d = distance(name, field);
      if (d < bestDistance) {
        best = field;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int above = row[j];
        row[j] =
            Math.min(
                Math.min(row[j] + 1, row[j - 1] + 1),
                diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length()];
  }
}
