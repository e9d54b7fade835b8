package cairn.web;

import cairn.input.Flags;
import cairn.input.InvalidInputException;
import cairn.user.Secrets;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/** What every form handler shares: the CSRF check, reading fields, and the responses. */
final class Forms {
  private Forms() {}

  /** Thrown when a form comes without the visitor's token; shown as a 403 page. */
  static final class CsrfException extends RuntimeException {
    CsrfException() {
      super("this form has expired or did not come from Cairn; reload the page and try again");
    }
  }

  static void requireCsrf(Visitor visitor, Map<String, String> form) {
    if (!Secrets.constantTimeEquals(visitor.csrf(), form.get("csrf"))) {
      throw new CsrfException();
    }
  }

  static String field(Map<String, String> form, String name) {
    String value = form.get(name);
    return value == null ? "" : value;
  }

  static boolean checked(Map<String, String> form, String name) {
    return Flags.parse(name, form.get(name), false);
  }

  static HttpResponse<?> page(String template, Object view) {
    return HttpResponse.ok(new ModelAndView<>(template, Map.of("v", view)));
  }

  static MutableHttpResponse<?> page(HttpStatus status, String template, Object view) {
    return HttpResponse.status(status).body(new ModelAndView<>(template, Map.of("v", view)));
  }

  /** The form again, with the broken rule; 400 so tools see it failed, the person sees why. */
  static HttpResponse<?> invalid(String template, Object view) {
    return page(HttpStatus.BAD_REQUEST, template, view);
  }

  static HttpResponse<?> seeOther(String location) {
    return HttpResponse.seeOther(URI.create(location));
  }

  /**
   * A local path to go back to after a form, or {@code fallback} if it is not a plain path of this
   * site: printable ASCII only (browsers drop tabs and line breaks from a Location, so {@code
   * /\t/evil.example} would lead to another host), no second slash or backslash at the start, and
   * nothing a URI cannot hold.
   */
  static String localPath(String next, String fallback) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.startsWith("/\\")
        || !next.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\')) {
      return fallback;
    }
    try {
      URI uri = new URI(next);
      return uri.getScheme() == null && uri.getRawAuthority() == null ? next : fallback;
    } catch (URISyntaxException e) {
      return fallback;
    }
  }

  /** The message shown for a broken rule. */
  static String message(InvalidInputException e) {
    return e.getMessage();
  }
}
