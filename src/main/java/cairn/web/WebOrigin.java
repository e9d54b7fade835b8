package cairn.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A web origin: scheme, host and port, the unit browsers judge "same site" by. Two origins are
 * equal only if all three are; a default port is filled in, so {@code https://a.org} and {@code
 * https://a.org:443} are the same origin.
 */
record WebOrigin(String scheme, String host, int port) {

  /**
   * Reads a configured public address such as {@code https://cairn.example.org}: absolute, http or
   * https, nothing but scheme, host and port (a trailing {@code /} is allowed). Cairn's links are
   * all absolute paths, so a path here could never be honoured.
   *
   * @throws IllegalArgumentException naming the rule and the value
   */
  static WebOrigin ofBaseUrl(String value) {
    String url = value.strip();
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw invalid(value, "is not a URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalid(value, "must start with http:// or https://");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw invalid(value, "must name a host (letters, digits, '-' and '.'), and no user");
    }
    String path = uri.getRawPath();
    if (!(path == null || path.isEmpty() || path.equals("/"))
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw invalid(value, "must be scheme, host and port only: no path, query or fragment");
    }
    return of(scheme, uri.getHost(), uri.getPort());
  }

  /**
   * Reads an {@code Origin} header. Empty for {@code null} (sandboxed frames, some redirects) and
   * for anything that is not an http(s) origin: none of those is Cairn.
   */
  static Optional<WebOrigin> ofHeader(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((!scheme.equals("http") && !scheme.equals("https"))
          || uri.getHost() == null
          || uri.getRawUserInfo() != null
          || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
          || uri.getRawQuery() != null) {
        return Optional.empty();
      }
      return Optional.of(of(scheme, uri.getHost(), uri.getPort()));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  static WebOrigin of(String scheme, String host, int port) {
    String s = scheme.toLowerCase(Locale.ROOT);
    return new WebOrigin(s, host.toLowerCase(Locale.ROOT), port == -1 ? defaultPort(s) : port);
  }

  /** {@code scheme://host[:port]}, the port left out when it is the scheme's default. */
  @Override
  public String toString() {
    return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
  }

  private static int defaultPort(String scheme) {
    return scheme.equals("https") ? 443 : 80;
  }

  private static IllegalArgumentException invalid(String value, String rule) {
    return new IllegalArgumentException(
        "cairn.web.base-url (CAIRN_WEB_BASE_URL) " + rule + "; got '" + value + "'");
  }
}
