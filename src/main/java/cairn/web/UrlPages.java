package cairn.web;

import cairn.browse.Popular;
import cairn.browse.PopularService;
import cairn.browse.PopularWindow;
import cairn.browse.UrlPage;
import cairn.browse.UrlPageService;
import cairn.query.Cursor;
import cairn.query.PopularCursor;
import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * The social pages: {@code /url:HASH}, everyone who saved a URL, and {@code /popular}, the URLs
 * most people saved lately. Both page like every listing ({@code per_page}, {@code cursor}).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class UrlPages {
  private final UrlPageService urls;
  private final PopularService popular;
  private final UrlPageViews views;

  UrlPages(UrlPageService urls, PopularService popular, UrlPageViews views) {
    this.urls = urls;
    this.popular = popular;
    this.views = views;
  }

  @Get("/url:{hash}")
  HttpResponse<?> url(Visitor visitor, String hash, HttpRequest<?> request) {
    HttpParameters params = request.getParameters();
    int perPage = UrlPageViews.perPage(params);
    Cursor cursor =
        params.getFirst("cursor").filter(c -> !c.isEmpty()).map(Cursor::decode).orElse(null);
    UrlPage page = urls.page(visitor.id(), hash, cursor, perPage);
    return Forms.page("url", views.url(visitor, page, params.get("per_page") != null));
  }

  @Get("/popular")
  HttpResponse<?> popular(Visitor visitor, HttpRequest<?> request) {
    HttpParameters params = request.getParameters();
    PopularWindow window = PopularWindow.parse(params.get("window"));
    int perPage = UrlPageViews.perPage(params);
    PopularCursor cursor =
        params.getFirst("cursor").filter(c -> !c.isEmpty()).map(PopularCursor::decode).orElse(null);
    Popular page = popular.list(window, cursor, perPage);
    return Forms.page("popular", views.popular(visitor, page, params.get("per_page") != null));
  }
}
