package cairn.web;

import cairn.user.Secrets;
import cairn.user.SessionService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;

/**
 * Works out the {@link Visitor} of every page request from the session cookie, gives visitors who
 * are not signed in a CSRF cookie, and refuses state-changing requests that another site started
 * (its {@code Origin} is not ours). The token check itself is in each form handler ({@link
 * Forms#requireCsrf}).
 */
@ServerFilter(WebPaths.ALL_PAGES)
final class VisitorFilter {
  static final String ATTRIBUTE = "cairn.visitor";
  private static final String NEW_CSRF = "cairn.new-csrf";

  private final SessionService sessions;
  private final PublicSite site;

  VisitorFilter(SessionService sessions, PublicSite site) {
    this.sessions = sessions;
    this.site = site;
  }

  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Nullable
  HttpResponse<?> identify(HttpRequest<?> request) {
    if (!WebPaths.isPage(request.getPath())) {
      return null;
    }
    if (request.getMethod() == HttpMethod.POST && crossOrigin(request)) {
      return ErrorPages.render(
          request,
          HttpResponse.status(HttpStatus.FORBIDDEN),
          403,
          "this form was sent from another site; open Cairn at "
              + site.base()
              + " and send it from there");
    }
    request.setAttribute(ATTRIBUTE, visitorOf(request));
    return null;
  }

  @ResponseFilter
  void remember(HttpRequest<?> request, MutableHttpResponse<?> response) {
    request
        .getAttribute(NEW_CSRF, String.class)
        .ifPresent(token -> response.cookie(WebCookies.csrf(token, site.secure())));
  }

  private Visitor visitorOf(HttpRequest<?> request) {
    Optional<SessionService.Session> session =
        request
            .getCookies()
            .findCookie(WebCookies.SESSION)
            .map(Cookie::getValue)
            .flatMap(sessions::find);
    if (session.isPresent()) {
      return new Visitor(session.get().user(), session.get().csrf());
    }
    String token =
        request.getCookies().findCookie(WebCookies.CSRF).map(Cookie::getValue).orElse(null);
    if (token == null || token.length() != 48) {
      token = Secrets.randomHex(24);
      request.setAttribute(NEW_CSRF, token);
    }
    return new Visitor(null, token);
  }

  /**
   * A browser always sends Origin with a POST; when it is not exactly Cairn's (scheme, host and
   * port), the form was not ours. Only {@link PublicSite}'s origin counts, never one made from the
   * request's Host: one address for the bookmarklets and this check means a wrong {@code
   * cairn.web.base-url} shows at the first form, and a plain-http page on the same host can no
   * longer post into an https Cairn. No Origin at all (non-browser clients) is left to the CSRF
   * token.
   */
  private boolean crossOrigin(HttpRequest<?> request) {
    String origin = request.getHeaders().get("Origin");
    return origin != null
        && !WebPaths.acceptsForeignPosts(request.getPath())
        && !site.isOwn(origin);
  }
}
