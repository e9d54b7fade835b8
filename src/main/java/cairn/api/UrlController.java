package cairn.api;

import cairn.browse.PopularService;
import cairn.browse.PopularWindow;
import cairn.browse.UrlPageService;
import cairn.input.InvalidInputException;
import cairn.query.Cursor;
import cairn.query.PopularCursor;
import cairn.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * URL info and popular: {@code GET /api/v1/urls/{hash}} (or {@code ?url=}) lists everyone's shared
 * saves of a URL with its count and tags; {@code GET /api/v1/popular} ranks URLs by how many people
 * shared them within {@code window}.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
final class UrlController {
  private final UrlPageService urls;
  private final PopularService popular;

  UrlController(UrlPageService urls, PopularService popular) {
    this.urls = urls;
    this.popular = popular;
  }

  @Get("/urls/{hash}")
  UrlResponse url(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer,
      @PathVariable String hash,
      @Nullable @QueryValue("per_page") String perPage,
      @Nullable @QueryValue String cursor) {
    return UrlResponse.of(
        urls.page(viewer.id(), hash, cursor(cursor), ListingParams.perPage(perPage)));
  }

  @Get("/urls")
  UrlResponse urlOf(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer,
      @Nullable @QueryValue String url,
      @Nullable @QueryValue("per_page") String perPage,
      @Nullable @QueryValue String cursor) {
    if (url == null || url.isBlank()) {
      throw new InvalidInputException("url", "is required: the URL whose saves to list");
    }
    return UrlResponse.of(
        urls.pageOfUrl(viewer.id(), url, cursor(cursor), ListingParams.perPage(perPage)));
  }

  @Get("/popular")
  PopularResponse popular(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer,
      @Nullable @QueryValue String window,
      @Nullable @QueryValue("per_page") String perPage,
      @Nullable @QueryValue String cursor) {
    PopularCursor at = cursor == null || cursor.isEmpty() ? null : PopularCursor.decode(cursor);
    return PopularResponse.of(
        popular.list(PopularWindow.parse(window), at, ListingParams.perPage(perPage)));
  }

  @Nullable
  private static Cursor cursor(@Nullable String text) {
    return text == null || text.isEmpty() ? null : Cursor.decode(text);
  }
}
