package cairn.web;

import cairn.user.SessionService;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

/** The two cookies pages use, both HttpOnly and SameSite. */
final class WebCookies {
  static final String SESSION = "cairn_session";
  static final String CSRF = "cairn_csrf";

  private WebCookies() {}

  /**
   * Lax, not Strict: a link to Cairn from elsewhere (or the bookmarklet's popup) must arrive signed
   * in; cross-site POSTs still come without it, and forms check a CSRF token besides.
   */
  static Cookie session(String value, boolean secure) {
    return Cookie.of(SESSION, value)
        .httpOnly(true)
        .sameSite(SameSite.Lax)
        .secure(secure)
        .path("/")
        .maxAge(SessionService.LIFETIME);
  }

  static Cookie expiredSession(boolean secure) {
    return Cookie.of(SESSION, "")
        .httpOnly(true)
        .sameSite(SameSite.Lax)
        .secure(secure)
        .path("/")
        .maxAge(0);
  }

  static Cookie csrf(String value, boolean secure) {
    return Cookie.of(CSRF, value).httpOnly(true).sameSite(SameSite.Strict).secure(secure).path("/");
  }
}
