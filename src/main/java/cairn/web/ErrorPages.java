package cairn.web;

import cairn.errors.ErrorResponses;
import cairn.errors.ErrorSurface;
import cairn.errors.Failure;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Errors on pages are pages: every failure of a page request — a domain exception, the framework's
 * own 404/405, a refused form — reaches the browser as HTML with its status and message (see {@link
 * ErrorResponses}, which picks this surface by path); the APIs keep their own shapes.
 */
@Singleton
final class ErrorPages implements ErrorSurface {
  private static final TemplateEngine TEMPLATES =
      TemplateEngine.createPrecompiled(ContentType.Html);

  @Override
  public boolean serves(String path) {
    return WebPaths.isPage(path);
  }

  @Override
  public MutableHttpResponse<?> render(HttpRequest<?> request, Failure failure) {
    return render(
        request,
        HttpResponse.status(failure.status()),
        failure.status().getCode(),
        failure.detail());
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
