package cairn.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Errors on pages are pages. Every error of a page request — a domain exception mapped once to
 * problem+json, or the framework's own 404/405 — reaches the browser as HTML with the same status
 * and message; the APIs keep their problem+json.
 */
@ServerFilter(WebPaths.ALL_PAGES)
final class ErrorPages {
  private static final TemplateEngine TEMPLATES =
      TemplateEngine.createPrecompiled(ContentType.Html);

  @ResponseFilter
  void asPage(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (!WebPaths.isPage(request.getPath()) || response.code() < 400) {
      return;
    }
    boolean problem =
        response.getContentType().map(t -> t.getName().contains("problem+json")).orElse(false);
    if (!problem) {
      return;
    }
    String message =
        response
            .getBody(Map.class)
            .map(body -> String.valueOf(body.getOrDefault("detail", body.get("title"))))
            .orElse(response.reason());
    render(request, response, response.code(), message);
  }

  static MutableHttpResponse<?> render(
      HttpRequest<?> request, MutableHttpResponse<?> response, int status, String message) {
    Visitor visitor =
        request.getAttribute(VisitorFilter.ATTRIBUTE, Visitor.class).orElse(new Visitor(null, ""));
    String title =
        status == 404 ? "not found" : HttpStatus.valueOf(status).getReason().toLowerCase();
    StringOutput out = new StringOutput();
    TEMPLATES.render(
        "error.jte",
        Map.of("v", ErrorView.of(PageView.of(title, visitor), status, message, request.getPath())),
        out);
    return response.contentType(MediaType.TEXT_HTML_TYPE).body(out.toString());
  }

  /** A form without the visitor's CSRF token. */
  @Singleton
  @Produces
  static final class Csrf implements ExceptionHandler<Forms.CsrfException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, Forms.CsrfException e) {
      return render(request, HttpResponse.status(HttpStatus.FORBIDDEN), 403, e.getMessage());
    }
  }

  /** Someone not signed in asked for a page that needs it: log in, then come back. */
  @Singleton
  @Produces
  static final class SignIn implements ExceptionHandler<SignInRequiredException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, SignInRequiredException e) {
      String back =
          request.getMethod() == io.micronaut.http.HttpMethod.GET
              ? request.getUri().toString()
              : "/";
      return HttpResponse.seeOther(java.net.URI.create("/login?next=" + WebPaths.query(back)));
    }
  }
}
