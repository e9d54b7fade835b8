package cairn.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a bookmark file holds, entry by entry, found by plain text scans (and Jackson's tree for
 * JSON) that share no code with the readers: the oracle of the reader and import tests.
 */
final class FixtureFacts {
  static final Path DIR =
      Path.of(System.getProperty("cairn.shared.dir", "../shared")).resolve("fixtures");

  /** Files that are none of the formats, and must be refused rather than misread. */
  static final Set<String> REFUSED = Set.of("nbp__empty.htm");

  /** Files whose dates are in milliseconds or microseconds, and the year they must land in. */
  static final Map<String, Integer> YEAR_OF_EVERY_ENTRY =
      Map.of(
          "linkding__simple_valid_import_file.html", 2021,
          "nbp__google_bookmarks_nested.htm", 2018,
          "wallabag__chrome-bookmarks", 2016,
          "wallabag__firefox-bookmarks.json", 2013,
          "wallabag__delicious_export.2021.02.06_21.10.json", 2013);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ATTRIBUTE =
      Pattern.compile(
          "([A-Za-z_:][-A-Za-z0-9_:.]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))");

  private FixtureFacts() {}

  /** One entry as the file states it: its URL, flags and distinct tags (split, not folders). */
  record Fact(String url, boolean isPrivate, boolean toread, List<String> tags) {}

  static List<Fact> of(BookmarkFormat format, byte[] bytes) throws IOException {
    return switch (format) {
      case NETSCAPE -> netscape(new String(bytes, StandardCharsets.UTF_8));
      case PINBOARD_JSON -> json(bytes);
      case DELICIOUS_XML -> xml(new String(bytes, StandardCharsets.UTF_8));
      case CHROME_JSON -> browser(JSON.readTree(bytes), "url", "url", null);
      case FIREFOX_JSON -> browser(JSON.readTree(bytes), "text/x-moz-place", "uri", "tags");
    };
  }

  static List<String> splitDistinct(String tags) {
    return Arrays.stream(tags.split("[\\s,]+")).filter(t -> !t.isEmpty()).distinct().toList();
  }

  /** Comma-separated tags: each piece one tag, its inner whitespace runs turned into {@code _}. */
  static List<String> commaDistinct(List<String> pieces) {
    return pieces.stream()
        .map(t -> t.strip().replaceAll("(?U)\\s+", "_"))
        .filter(t -> !t.isEmpty())
        .distinct()
        .toList();
  }

  /** Every {@code <a} tag outside a {@code <DD>} (links there are notes), with its attributes. */
  private static List<Fact> netscape(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<Fact> facts = new ArrayList<>();
    List<Map<String, String>> links = new ArrayList<>();
    boolean inNotes = false;
    for (int i = lower.indexOf('<'); i >= 0; i = lower.indexOf('<', i + 1)) {
      if (lower.startsWith("<dd", i)) {
        inNotes = true;
      } else if (lower.startsWith("<dt", i) || lower.startsWith("<dl", i)) {
        inNotes = false;
      } else if ((lower.startsWith("<a ", i) || lower.startsWith("<a>", i)) && !inNotes) {
        links.add(attributes(text, i + 2));
      }
    }
    // a file separates its TAGS by commas if any of them has one, else by spaces
    boolean commas = links.stream().anyMatch(a -> a.getOrDefault("tags", "").contains(","));
    for (Map<String, String> a : links) {
      String tags = a.getOrDefault("tags", "");
      facts.add(
          new Fact(
              a.getOrDefault("href", ""),
              a.getOrDefault("private", "").equals("1"),
              a.getOrDefault("toread", "").equals("1"),
              commas ? commaDistinct(List.of(tags.split(","))) : splitDistinct(tags)));
    }
    return facts;
  }

  private static List<Fact> xml(String text) {
    List<Fact> facts = new ArrayList<>();
    for (int i = text.indexOf("<post "); i >= 0; i = text.indexOf("<post ", i + 1)) {
      Map<String, String> post = attributes(text, i + 5);
      facts.add(
          new Fact(
              post.getOrDefault("href", ""),
              post.getOrDefault("shared", "").equals("no"),
              post.getOrDefault("toread", "").equals("yes"),
              splitDistinct(post.getOrDefault("tag", ""))));
    }
    return facts;
  }

  /**
   * Every node of a browser's tree whose type is {@code entryType}, outside Firefox's tags root;
   * browsers have no privacy or unread flag.
   */
  private static List<Fact> browser(
      JsonNode root, String entryType, String urlField, String tagsField) {
    List<Fact> facts = new ArrayList<>();
    java.util.Deque<JsonNode> todo = new java.util.ArrayDeque<>();
    todo.push(root);
    List<JsonNode> inOrder = new ArrayList<>();
    while (!todo.isEmpty()) {
      JsonNode node = todo.pop();
      if (node.path("root").asText().equals("tagsFolder")) {
        continue;
      }
      if (node.path("type").asText().equals(entryType)) {
        inOrder.add(node);
      }
      List<JsonNode> children = new ArrayList<>();
      node.path("children").forEach(children::add);
      node.path("roots").forEach(children::add);
      for (int i = children.size() - 1; i >= 0; i--) {
        todo.push(children.get(i));
      }
    }
    for (JsonNode node : inOrder) {
      String tags = tagsField == null ? "" : node.path(tagsField).asText();
      facts.add(
          new Fact(
              node.path(urlField).asText(), false, false, commaDistinct(List.of(tags.split(",")))));
    }
    return facts;
  }

  private static List<Fact> json(byte[] bytes) throws IOException {
    List<Fact> facts = new ArrayList<>();
    for (JsonNode post : JSON.readTree(bytes)) {
      JsonNode tagField = post.path("tags");
      List<String> elements = new ArrayList<>();
      tagField.forEach(t -> elements.add(t.asText()));
      String url = post.has("href") ? post.path("href").asText() : post.path("url").asText();
      facts.add(
          new Fact(
              url,
              post.path("shared").asText().equals("no")
                  || post.path("private").asText().equals("1"),
              post.path("toread").asText().equals("yes"),
              tagField.isArray() ? commaDistinct(elements) : splitDistinct(tagField.asText())));
    }
    return facts;
  }

  /** The attributes of the tag whose name ends at {@code from}, names lower-cased. */
  private static Map<String, String> attributes(String text, int from) {
    int end = from;
    char quote = 0;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
      end++;
    }
    Map<String, String> attributes = new HashMap<>();
    Matcher m = ATTRIBUTE.matcher(text.substring(from, end));
    while (m.find()) {
      String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
      attributes.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), unescape(value));
    }
    return attributes;
  }

  private static String unescape(String value) {
    return value
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
