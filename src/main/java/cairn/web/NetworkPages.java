package cairn.web;

import cairn.browse.ListingPage;
import cairn.browse.ListingService;
import cairn.follow.FollowQueries;
import cairn.query.Listing;
import cairn.query.SearchSyntaxException;
import cairn.user.PreferencesService;
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
 * {@code /network} and {@code /network/t:A/t:-C}: the shared bookmarks of the people the signed-in
 * visitor follows, newest first, with tag intersection, related tags, paging and search like every
 * listing — one listing whose owners are the people followed, answered by the index in one query.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class NetworkPages {
  static final String FOLLOW_NOBODY =
      "You follow nobody yet. Open someone's page (from recent, say) and press follow: their"
          + " shared bookmarks then show here, newest first.";

  private final ListingService listings;
  private final ListingViews views;
  private final FollowQueries follows;
  private final PreferencesService preferences;

  NetworkPages(
      ListingService listings,
      ListingViews views,
      FollowQueries follows,
      PreferencesService preferences) {
    this.listings = listings;
    this.views = views;
    this.follows = follows;
    this.preferences = preferences;
  }

  @Get("/network")
  HttpResponse<?> network(Visitor visitor, HttpRequest<?> request) {
    return show(visitor, request, WebPaths.Filter.NONE);
  }

  @Get("/network/{+tags}")
  HttpResponse<?> networkTags(Visitor visitor, HttpRequest<?> request, String tags) {
    String raw = request.getUri().getRawPath().substring("/network".length());
    return show(visitor, request, WebPaths.parseFilter(raw));
  }

  /**
   * The page of {@code viewer}'s network that {@code request} asks for: what the page renders, and
   * what a feed of {@code /network} lists (its first page when the request has no cursor).
   */
  ListingPage list(long viewer, ListingRequest request) {
    return listings.list(request.narrow(follows.network(viewer)));
  }

  private HttpResponse<?> show(Visitor visitor, HttpRequest<?> http, WebPaths.Filter filter) {
    visitor.requireSignedIn();
    ListingRequest request =
        ListingRequest.read(
                null, filter, http.getParameters(), preferences.get(visitor.id()).perPage())
            .inNetwork();
    Listing base = follows.network(visitor.id());
    ListingPage page;
    try {
      page = listings.list(request.narrow(base));
    } catch (SearchSyntaxException e) {
      return Forms.page(HttpStatus.BAD_REQUEST, "listing", views.unreadable(visitor, request, e));
    }
    String empty = base.owners().isEmpty() ? FOLLOW_NOBODY : ListingViews.NOTHING_YET;
    return Forms.page("listing", views.view(visitor, request, page, empty));
  }
}
