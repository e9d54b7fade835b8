package cairn.bookmark;

import cairn.input.InvalidInputException;
import cairn.input.TextLimits;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The normalized form of a bookmark's URL, used to find a user's existing bookmark for a URL.
 *
 * <p>Only absolute {@code http}, {@code https} and {@code ftp} URLs with a host are accepted. The
 * key lower-cases scheme and host, drops the default port, the fragment and an empty query,
 * resolves dot segments, writes an empty path as {@code /}, and percent-encodes everything outside
 * ASCII with upper-case hex, so {@code HTTP://Example.COM:80/a/../ü#x} and {@code
 * http://example.com/%C3%BC} are the same bookmark. Path case and query order are kept: servers may
 * treat them as significant.
 *
 * <p>The key's {@link #hash()} names the URL's page, {@code /url:HASH}, where everyone's saves of
 * the URL meet however each of them wrote it.
 */
public record UrlKey(String value) {
  public static final int MAX_URL_LENGTH = 8192;
  private static final Set<String> SCHEMES = Set.of("http", "https", "ftp");
  private static final Map<String, Integer> DEFAULT_PORTS =
      Map.of("http", 80, "https", 443, "ftp", 21);
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
  private static final Pattern ESCAPE = Pattern.compile("%([0-9a-fA-F]{2})");
  private static final String UNSAFE = " \"<>\\^`{|}";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final ThreadLocal<Last> LAST = new ThreadLocal<>();

  /**
   * Validates {@code url} and returns its key; throws naming the rule when it is not a savable URL.
   */
  public static UrlKey of(String url) {
    // a draft checks its URL and the write path then asks for the same URL's key: one parse
    Last last = LAST.get();
    if (last != null && last.url() == url) {
      return last.key();
    }
    UrlKey key = parse(url);
    LAST.set(new Last(url, key));
    return key;
  }

  /** The last URL this thread turned into a key, by identity. */
  private record Last(String url, UrlKey key) {}

  private static UrlKey parse(String url) {
    String trimmed = checkShape(url);
    String scheme = schemeOf(trimmed);
    URI uri;
    try {
      uri = new URI(escapeUnsafe(trimmed)).normalize();
    } catch (URISyntaxException e) {
      throw invalid("must be a valid URL: " + e.getReason() + " at index " + e.getIndex());
    }
    String authority = uri.getRawAuthority();
    if (authority == null
        || authority.isEmpty()
        || uri.getRawSchemeSpecificPart().startsWith("///")) {
      throw invalid("must have a host, like https://example.com/");
    }
    StringBuilder key = new StringBuilder(trimmed.length()).append(scheme).append("://");
    key.append(normalizeAuthority(scheme, authority));
    String path = uri.getRawPath();
    key.append(path == null || path.isEmpty() ? "/" : upperCaseEscapes(path));
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      key.append('?').append(upperCaseEscapes(query));
    }
    return new UrlKey(toAscii(key.toString()));
  }

  /**
   * What {@link URI#toASCIIString} makes of the key, without parsing it a second time: text beyond
   * ASCII in NFC, percent-encoded as UTF-8 with upper-case hex.
   */
  private static String toAscii(String key) {
    if (isAscii(key)) {
      return key;
    }
    byte[] bytes = Normalizer.normalize(key, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      if (b >= 0) {
        out.append((char) b);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return out.toString();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * The URL page's name: the MD5 of the key in lower-case hex (32 characters). Unlike Pinboard's
   * {@link PinboardHash} of the URL as saved, {@code http://EXAMPLE.org/a#x} and {@code
   * http://example.org/a} have one hash.
   */
  public String hash() {
    return PinboardHash.of(value);
  }

  /**
   * The key's host, lower-cased, without user info and port ({@code [::1]} for an IPv6 address), as
   * the site a search can name; a host beyond ASCII stays percent-encoded as in the key.
   */
  public String host() {
    int start = value.indexOf("://") + 3;
    int end = value.indexOf('/', start);
    String authority = value.substring(start, end < 0 ? value.length() : end);
    String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
    int colon = hostPort.lastIndexOf(':');
    return colon > hostPort.lastIndexOf(']') ? hostPort.substring(0, colon) : hostPort;
  }

  /** Whether {@code text} has the shape of a {@link #hash()}: 32 lower-case hex digits. */
  public static boolean isHash(String text) {
    return text != null && text.length() == 32 && text.chars().allMatch(UrlKey::isLowerHex);
  }

  private static boolean isLowerHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  /** The URL as it will be saved: the input without surrounding whitespace. */
  public static String clean(String url) {
    return url == null ? "" : url.strip();
  }

  private static String checkShape(String url) {
    String trimmed = clean(url);
    if (trimmed.isEmpty()) {
      throw invalid("is required and must not be empty");
    }
    if (trimmed.length() > MAX_URL_LENGTH) {
      throw invalid("must be at most 8192 characters; got " + trimmed.length());
    }
    if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
      throw invalid("must not contain control characters (tabs, line breaks)");
    }
    int broken = TextLimits.firstUncarried(trimmed, 0);
    if (broken >= 0) {
      throw invalid("has a broken character (U+" + hex(trimmed.charAt(broken)) + ") at " + broken);
    }
    return trimmed;
  }

  private static String schemeOf(String url) {
    Matcher m = SCHEME.matcher(url);
    if (!m.find()) {
      throw invalid("must be an absolute URL starting with http://, https:// or ftp://");
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(scheme)) {
      throw invalid("scheme '" + scheme + ":' is not allowed; use http, https or ftp");
    }
    return scheme;
  }

  private static String normalizeAuthority(String scheme, String authority) {
    int at = authority.lastIndexOf('@');
    String userInfo = at >= 0 ? authority.substring(0, at + 1) : "";
    String hostPort = authority.substring(at + 1).toLowerCase(Locale.ROOT);
    int colon = hostPort.lastIndexOf(':');
    if (colon >= 0 && colon > hostPort.lastIndexOf(']')) {
      String port = hostPort.substring(colon + 1);
      if (!port.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw invalid("has a port that is not a number: '" + port + "'");
      }
      if (port.length() > 5 || (!port.isEmpty() && Integer.parseInt(port) > 65_535)) {
        throw invalid("has a port over 65535: '" + port + "'");
      }
      if (port.isEmpty() || Integer.parseInt(port) == DEFAULT_PORTS.get(scheme)) {
        hostPort = hostPort.substring(0, colon);
      }
    }
    if (hostPort.endsWith(".")) {
      hostPort = hostPort.substring(0, hostPort.length() - 1);
    }
    if (hostPort.isEmpty() || hostPort.startsWith(":")) {
      throw invalid("must have a host, like https://example.com/");
    }
    return userInfo + hostPort;
  }

  private static String escapeUnsafe(String url) {
    StringBuilder out = new StringBuilder(url.length() + 16);
    boolean fragmentSeen = false;
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      // a second '#' would make the URI parser fail; it belongs to the fragment, which we drop
      if (c == '#' && fragmentSeen) {
        out.append("%23");
        continue;
      }
      fragmentSeen |= c == '#';
      // beyond ASCII, URIs take letters and symbols as they are but not spaces or controls (a
      // no-break space in a path is common in old bookmarks): those are escaped as browsers do
      if (UNSAFE.indexOf(c) >= 0
          || (c > 127 && (Character.isSpaceChar(c) || Character.isISOControl(c)))) {
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format("%02X", b));
        }
      } else if (c == '%' && !isEscape(url, i)) {
        out.append("%25");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isEscape(String s, int i) {
    return i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2));
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  private static String upperCaseEscapes(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    return ESCAPE.matcher(s).replaceAll(m -> "%" + m.group(1).toUpperCase(Locale.ROOT));
  }

  private static String hex(char c) {
    return String.format("%04X", (int) c);
  }

  private static InvalidInputException invalid(String rule) {
    return new InvalidInputException("url", rule);
  }
}
