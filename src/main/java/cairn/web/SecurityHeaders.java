package cairn.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * The headers every response carries, whatever made it — a page, an API, a static file, an error,
 * or another filter's refusal: no framing anywhere, no content sniffing, a Content-Security-Policy,
 * no referrer to other sites, {@code no-store} on anything private, and HSTS when Cairn is served
 * over HTTPS.
 *
 * <p>No Cross-Origin-Opener-Policy: the bookmarklet's popup closes itself after a save only while
 * it still has its {@code window.opener}, the page it was opened from.
 */
@ServerFilter(WebPaths.ALL_PAGES)
final class SecurityHeaders implements Ordered {
  /**
   * Pages load only Cairn's own script, style sheet and fetches, and send forms only to Cairn. The
   * templates have no inline script, style or event handler, so nothing needs a nonce. The {@code
   * javascript:} bookmarklets on the settings page are dragged to the bookmarks bar, which no
   * policy stops; clicking one there is refused, as it should be.
   */
  static final String PAGE_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
          + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  /** Data (JSON, XML, feeds, files) is never a document that runs or loads anything. */
  static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

  static final String HSTS = "max-age=31536000";

  private final PublicSite site;

  SecurityHeaders(PublicSite site) {
    this.site = site;
  }

  /** First in, so last out: its headers go on responses that later filters made or refused. */
  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.order();
  }

  @ResponseFilter
  void secure(HttpRequest<?> request, MutableHttpResponse<?> response) {
    MutableHttpHeaders headers = response.getHeaders();
    String path = request.getPath();
    headers.set("Content-Security-Policy", WebPaths.isPage(path) ? PAGE_POLICY : DATA_POLICY);
    headers.set("X-Frame-Options", "DENY");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "same-origin");
    if (isPrivate(request, response)) {
      headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
    }
    if (site.secure()) {
      headers.set("Strict-Transport-Security", HSTS);
    }
  }

  /**
   * What no cache may keep: anything for a signed-in visitor (their private bookmarks, the token on
   * the settings page, the forms with their CSRF token), every API answer (token-authenticated, or
   * an error about it), and any response that sets a cookie. Public pages and static files keep
   * their caching.
   */
  private static boolean isPrivate(HttpRequest<?> request, MutableHttpResponse<?> response) {
    return isApi(request.getPath())
        || request
            .getAttribute(VisitorFilter.ATTRIBUTE, Visitor.class)
            .map(Visitor::signedIn)
            .orElse(false)
        || response.getHeaders().contains(HttpHeaders.SET_COOKIE);
  }

  private static boolean isApi(String path) {
    return path.startsWith("/api/") || path.startsWith("/v1/") || path.equals("/v1");
  }
}
