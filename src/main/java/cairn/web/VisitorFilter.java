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
import java.net.URI;
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
  private final boolean secureCookies;

  VisitorFilter(SessionService sessions, WebConfiguration config) {
    this.sessions = sessions;
    this.secureCookies = config.secureCookies();
  }

  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Nullable
  HttpResponse<?> identify(HttpRequest<?> request) {
    if (!WebPaths.isPage(request.getPath())) {
      return null;
    }
    if (request.getMethod() == HttpMethod.POST && crossOrigin(request)) {
      return HttpResponse.status(HttpStatus.FORBIDDEN)
          .body("this form was sent from another site; open Cairn and send it from there");
    }
    request.setAttribute(ATTRIBUTE, visitorOf(request));
    return null;
  }

  @ResponseFilter
  void remember(HttpRequest<?> request, MutableHttpResponse<?> response) {
    request
        .getAttribute(NEW_CSRF, String.class)
        .ifPresent(token -> response.cookie(WebCookies.csrf(token, secureCookies)));
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
   * A browser always sends Origin with a POST; when it names another site, the form was not ours.
   */
  private static boolean crossOrigin(HttpRequest<?> request) {
    String origin = request.getHeaders().get("Origin");
    if (origin == null || origin.equals("null")) {
      return origin != null && !WebPaths.acceptsForeignPosts(request.getPath());
    }
    String host =
        request
            .getHeaders()
            .get("X-Forwarded-Host", String.class, request.getHeaders().get("Host"));
    try {
      URI uri = URI.create(origin);
      String authority = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host != null
          && !authority.equalsIgnoreCase(host)
          && !WebPaths.acceptsForeignPosts(request.getPath());
    } catch (IllegalArgumentException e) {
      return true;
    }
  }
}
