package cairn.api;

import cairn.bookmark.BookmarkQueries;
import cairn.bookmark.BookmarkService;
import cairn.bookmark.BookmarkService.Saved;
import cairn.browse.ListingService;
import cairn.input.Flags;
import cairn.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;

/** {@code /api/v1/bookmarks}: save, read, change and delete one bookmark and its quotes. */
@Controller("/api/v1/bookmarks")
@ExecuteOn(TaskExecutors.BLOCKING)
final class BookmarkController {
  private final BookmarkService bookmarks;
  private final BookmarkQueries queries;
  private final BookmarkRequests requests;
  private final ListingService listings;
  private final ListingParams params;

  BookmarkController(
      BookmarkService bookmarks,
      BookmarkQueries queries,
      BookmarkRequests requests,
      ListingService listings,
      ListingParams params) {
    this.bookmarks = bookmarks;
    this.queries = queries;
    this.requests = requests;
    this.listings = listings;
    this.params = params;
  }

  /** A listing: {@code user}, {@code tags}, {@code exclude}, {@code q}, {@code toread}, … */
  @Get
  ListingResponse list(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer, HttpRequest<?> request) {
    return ListingResponse.of(listings.list(params.read(viewer, request.getParameters())));
  }

  @Post(consumes = MediaType.APPLICATION_JSON)
  HttpResponse<BookmarkResponse> create(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer,
      @Nullable @Body String body,
      @Nullable @QueryValue String replace) {
    Saved saved =
        bookmarks.create(
            viewer.id(), requests.draft(body, false), Flags.parse("replace", replace, false));
    BookmarkResponse response = BookmarkResponse.of(saved.bookmark());
    URI location = ApiPaths.bookmark(response.id());
    return saved.created()
        ? HttpResponse.created(response, location)
        : HttpResponse.ok(response).headers(h -> h.location(location));
  }

  @Get("/{id}")
  BookmarkResponse get(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer, @PathVariable long id) {
    return BookmarkResponse.of(queries.getVisible(id, viewer.id()));
  }

  @Patch(value = "/{id}", consumes = MediaType.APPLICATION_JSON)
  BookmarkResponse update(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer,
      @PathVariable long id,
      @Nullable @Body String body) {
    return BookmarkResponse.of(bookmarks.update(viewer.id(), id, requests.patch(body)).bookmark());
  }

  @Delete("/{id}")
  HttpResponse<Void> delete(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer, @PathVariable long id) {
    bookmarks.delete(viewer.id(), id);
    return HttpResponse.noContent();
  }

  @Post(value = "/{id}/quotes", consumes = MediaType.APPLICATION_JSON)
  HttpResponse<BookmarkResponse> addQuote(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer,
      @PathVariable long id,
      @Nullable @Body String body) {
    Saved saved = bookmarks.addQuote(viewer.id(), id, requests.quoteText(body));
    return HttpResponse.created(BookmarkResponse.of(saved.bookmark()), ApiPaths.bookmark(id));
  }

  @Delete("/{id}/quotes/{quoteId}")
  HttpResponse<Void> removeQuote(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer,
      @PathVariable long id,
      @PathVariable long quoteId) {
    bookmarks.removeQuote(viewer.id(), id, quoteId);
    return HttpResponse.noContent();
  }
}
