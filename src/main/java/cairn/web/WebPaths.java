package cairn.web;

import cairn.input.InvalidInputException;
import cairn.tag.TagName;
import io.micronaut.core.annotation.Nullable;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages' URLs: building them ({@code /u:NAME/t:A/t:-C}, {@code /t:A}) and reading the tag
 * filter back out of a raw path. Tag names go into path segments percent-encoded, so a tag with a
 * {@code /} or {@code ?} in it still makes one segment.
 */
final class WebPaths {
  static final String ALL_PAGES = "/**";
  private static final String SAFE = "-._~!$&'()*;=@:";

  private WebPaths() {}

  /** Paths served as pages (the APIs, feeds, static files and health have their own rules). */
  static boolean isPage(String path) {
    return !(path.startsWith("/api/")
        || path.startsWith("/v1/")
        || path.equals("/v1")
        || path.startsWith("/static/")
        || path.startsWith("/feeds/")
        || path.equals("/health"));
  }

  /**
   * Endpoints that take POSTs from other sites on purpose: the bookmarklet's hand-over of a page
   * too long for a URL (it changes nothing; it only fills the form) and the key-authenticated
   * read-later save.
   */
  static boolean acceptsForeignPosts(String path) {
    return path.equals("/add/popup") || path.equals("/readlater");
  }

  /** The filter of a listing: tags that must be there, and tags that must not. */
  record Filter(List<String> tags, List<String> excluded) {
    static final Filter NONE = new Filter(List.of(), List.of());

    Filter with(String tag) {
      List<String> more = new ArrayList<>(tags);
      more.add(tag);
      return new Filter(more, excluded);
    }

    Filter without(String tag) {
      return new Filter(
          tags.stream().filter(t -> !TagName.same(t, tag)).toList(),
          excluded.stream().filter(t -> !TagName.same(t, tag)).toList());
    }

    Filter excluding(String tag) {
      List<String> more = new ArrayList<>(excluded);
      more.add(tag);
      return new Filter(tags.stream().filter(t -> !TagName.same(t, tag)).toList(), more);
    }

    boolean isEmpty() {
      return tags.isEmpty() && excluded.isEmpty();
    }
  }

  /** Reads {@code t:A/t:-C} segments (raw, still percent-encoded) after a listing's prefix. */
  static Filter parseFilter(String rawSegments) {
    List<String> tags = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    for (String raw : rawSegments.split("/")) {
      if (raw.isEmpty()) {
        continue;
      }
      String segment = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
      if (!segment.startsWith("t:") || segment.length() < 3) {
        throw new InvalidInputException("path", "each part after the user must be t:TAG or t:-TAG");
      }
      String tag = segment.substring(2);
      if (tag.startsWith("-")) {
        excluded.add(tag.substring(1));
      } else {
        tags.add(tag);
      }
    }
    return new Filter(tags, excluded);
  }

  /** {@code /u:NAME/t:A/t:-C}, or for everyone {@code /t:A/t:-C} ({@code /recent} unfiltered). */
  static String listing(@Nullable String owner, Filter filter) {
    StringBuilder path = withFilter(new StringBuilder(owner == null ? "" : "/u:" + owner), filter);
    if (path.isEmpty()) {
      return "/recent";
    }
    return path.toString();
  }

  /** {@code /network/t:A/t:-C}: the people the visitor follows. */
  static String network(Filter filter) {
    return withFilter(new StringBuilder("/network"), filter).toString();
  }

  private static StringBuilder withFilter(StringBuilder path, Filter filter) {
    filter.tags().forEach(t -> path.append("/t:").append(segment(t)));
    filter.excluded().forEach(t -> path.append("/t:-").append(segment(t)));
    return path;
  }

  /** The page of everyone's saves of the URL with this {@code UrlKey#hash}. */
  static String url(String hash) {
    return "/url:" + hash;
  }

  static String user(String name) {
    return "/u:" + name;
  }

  static String tag(String owner, String tag) {
    return "/u:" + owner + "/t:" + segment(tag);
  }

  /** Percent-encodes everything but unreserved characters and a few harmless ones. */
  static String segment(String text) {
    if (isSafe(text)) {
      return text; // most tags: no copy (a listing builds thousands of these links)
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || SAFE.indexOf(c) >= 0)) {
        out.write(c);
      } else {
        out.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
      }
    }
    return out.toString(StandardCharsets.US_ASCII);
  }

  private static boolean isSafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80 || !(Character.isLetterOrDigit(c) || SAFE.indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  /** Percent-encodes a query parameter value. */
  static String query(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
