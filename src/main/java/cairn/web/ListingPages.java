package cairn.web;

import cairn.browse.ListingService;
import cairn.query.SearchSyntaxException;
import cairn.user.PreferencesService;
import cairn.user.User;
import cairn.user.UserService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * The listing pages: {@code /u:NAME}, {@code /u:NAME/t:A/t:-C}, everyone's {@code /t:A/t:B}, {@code
 * /recent} and {@code /search}. All go through the one listing engine; privacy is part of its
 * query.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class ListingPages {
  private final ListingService listings;
  private final ListingViews views;
  private final UserService users;
  private final PreferencesService preferences;

  ListingPages(
      ListingService listings,
      ListingViews views,
      UserService users,
      PreferencesService preferences) {
    this.listings = listings;
    this.views = views;
    this.users = users;
    this.preferences = preferences;
  }

  @Get
  HttpResponse<?> home(Visitor visitor) {
    return Forms.seeOther(visitor.signedIn() ? WebPaths.user(visitor.name()) : "/recent");
  }

  @Get("/recent")
  HttpResponse<?> recent(Visitor visitor, HttpRequest<?> request) {
    return show(visitor, request, null, WebPaths.Filter.NONE);
  }

  @Get("/search")
  HttpResponse<?> search(Visitor visitor, HttpRequest<?> request) {
    return show(visitor, request, null, WebPaths.Filter.NONE);
  }

  @Get("/t:{+tags}")
  HttpResponse<?> everyone(Visitor visitor, HttpRequest<?> request, String tags) {
    return show(visitor, request, null, WebPaths.parseFilter(rawAfter(request, 0)));
  }

  @Get("/u:{name}")
  HttpResponse<?> user(Visitor visitor, HttpRequest<?> request, String name) {
    return show(visitor, request, users.getByName(name), WebPaths.Filter.NONE);
  }

  @Get("/u:{name}/{+tags}")
  HttpResponse<?> userTags(Visitor visitor, HttpRequest<?> request, String name, String tags) {
    User owner = users.getByName(name);
    String prefix = "/u:" + name;
    return show(visitor, request, owner, WebPaths.parseFilter(rawAfter(request, prefix.length())));
  }

  private HttpResponse<?> show(
      Visitor visitor, HttpRequest<?> request, User owner, WebPaths.Filter filter) {
    int defaultPerPage = visitor.signedIn() ? preferences.get(visitor.id()).perPage() : 20;
    ListingRequest listing =
        ListingRequest.read(owner, filter, request.getParameters(), defaultPerPage);
    try {
      return Forms.page(
          "listing", views.view(visitor, listing, listings.list(listing.listing(visitor.id()))));
    } catch (SearchSyntaxException e) {
      return Forms.page(HttpStatus.BAD_REQUEST, "listing", views.unreadable(visitor, listing, e));
    }
  }

  /**
   * The raw (still percent-encoded) path after the first {@code skip} characters: the decoded route
   * variable would have turned an encoded {@code /} inside a tag into a segment break.
   */
  private static String rawAfter(HttpRequest<?> request, int skip) {
    return request.getUri().getRawPath().substring(skip);
  }
}
