package cairn.web;

import cairn.bookmark.Bookmark;
import cairn.browse.ListingPage;
import cairn.browse.ListingService;
import cairn.browse.Popular;
import cairn.browse.PopularService;
import cairn.browse.PopularWindow;
import cairn.browse.UrlPage;
import cairn.browse.UrlPageService;
import cairn.feed.Feed;
import cairn.feed.FeedFormat;
import cairn.feed.FeedNotFoundException;
import cairn.feed.FeedQueries;
import cairn.feed.FeedVersion;
import cairn.feed.FeedWriter;
import cairn.follow.FollowQueries;
import cairn.input.InvalidInputException;
import cairn.input.PageSize;
import cairn.query.Cursor;
import cairn.query.Listing;
import cairn.user.User;
import cairn.user.UserService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * RSS 2.0 and Atom feeds of the listing pages: {@code /feeds/rss/P} and {@code /feeds/atom/P} for
 * each listing path P, with the page's query parameters, carry the first page of exactly the
 * listing the page shows (the same {@link ListingRequest}, so the same {@link Listing}) to a reader
 * that is not signed in; {@code count} (1–400) sets its length. A private feed, {@code
 * /feeds/rss/secret:SECRET/u:NAME/…}, is the owner's own view of their listing, private bookmarks
 * and {@code .tags} included, and {@code …/u:NAME/toread} their unread ones.
 *
 * <p>A new listing page gets its feed with one route here that builds the page's listing the way
 * the page does and hands it to {@link #answer}. The URL pages ({@code /url:HASH}) and {@code
 * /popular} have feeds of their first page too; {@code /network} has only a private one, {@code
 * …/secret:SECRET/u:NAME/network}, since it is the network of a signed-in person.
 */
@Controller("/feeds")
@ExecuteOn(TaskExecutors.BLOCKING)
final class FeedController {
  static final int MAX_COUNT = 400;
  private static final String UNREAD = "toread";
  private static final String NETWORK = "network";

  private final ListingService listings;
  private final UserService users;
  private final FeedQueries queries;
  private final FeedWriter writer;
  private final PublicSite site;
  private final Others others;

  /** The social pages a feed may be of, beside the listings. */
  @Singleton
  record Others(UrlPageService urls, PopularService popular, FollowQueries follows) {}

  FeedController(
      ListingService listings,
      UserService users,
      FeedQueries queries,
      FeedWriter writer,
      PublicSite site,
      Others others) {
    this.listings = listings;
    this.users = users;
    this.queries = queries;
    this.writer = writer;
    this.site = site;
    this.others = others;
  }

  @Get("/{format}/recent")
  HttpResponse<?> recent(String format, HttpRequest<?> request) {
    return everyone(kind(format), request, WebPaths.Filter.NONE);
  }

  @Get("/{format}/search")
  HttpResponse<?> search(String format, HttpRequest<?> request) {
    return everyone(kind(format), request, WebPaths.Filter.NONE);
  }

  /** Everyone's shared saves of one URL: the first page of {@code /url:HASH}. */
  @Get("/{format}/url:{hash}")
  HttpResponse<?> url(String format, HttpRequest<?> request, String hash) {
    FeedFormat kind = kind(format);
    HttpParameters params = request.getParameters();
    UrlPage page =
        others
            .urls()
            .page(Listing.ANONYMOUS, hash, null, count(params, UrlPageViews.perPage(params)));
    Feed feed =
        feed(
            "saves of " + page.url() + " · Cairn",
            "Everyone's shared saves of " + page.url() + " on Cairn, newest first.",
            WebPaths.url(page.hash()),
            request,
            queries.lastChangeOfAnyone(),
            page.saves().items());
    return respond(kind, request, feed, false);
  }

  /**
   * The first page of {@code /popular} in its {@code window}: each URL as its newest shared save,
   * most people first.
   */
  @Get("/{format}/popular")
  HttpResponse<?> popular(String format, HttpRequest<?> request) {
    FeedFormat kind = kind(format);
    HttpParameters params = request.getParameters();
    PopularWindow window = PopularWindow.parse(params.get("window"));
    Popular page = others.popular().list(window, null, count(params, UrlPageViews.perPage(params)));
    Feed feed =
        feed(
            "popular, " + window.label() + " · Cairn",
            "The URLs the most people shared on Cairn in " + window.label() + ", most first.",
            window == PopularWindow.DEFAULT ? "/popular" : "/popular?window=" + window.label(),
            request,
            queries.lastChangeOfAnyone(),
            page.items().stream().map(Popular.Entry::newest).toList());
    return respond(kind, request, feed, false);
  }

  @Get("/{format}/t:{+tags}")
  HttpResponse<?> everyone(String format, HttpRequest<?> request, String tags) {
    FeedFormat kind = kind(format);
    return everyone(kind, request, WebPaths.parseFilter(rawAfter(request, 1)));
  }

  @Get("/{format}/u:{name}")
  HttpResponse<?> user(String format, HttpRequest<?> request, String name) {
    FeedFormat kind = kind(format);
    return ofUser(kind, request, users.getByName(name), WebPaths.Filter.NONE);
  }

  @Get("/{format}/u:{name}/{+tags}")
  HttpResponse<?> userTags(String format, HttpRequest<?> request, String name, String tags) {
    FeedFormat kind = kind(format);
    User owner = users.getByName(name);
    return ofUser(kind, request, owner, WebPaths.parseFilter(rawAfter(request, 2)));
  }

  @Get("/{format}/secret:{secret}/u:{name}")
  HttpResponse<?> own(String format, HttpRequest<?> request, String secret, String name) {
    FeedFormat kind = kind(format);
    return own(kind, request, queries.requireOwner(name, secret), "");
  }

  @Get("/{format}/secret:{secret}/u:{name}/{+rest}")
  HttpResponse<?> ownTags(
      String format, HttpRequest<?> request, String secret, String name, String rest) {
    // the secret first: nothing about the path is answered to someone without it
    FeedFormat kind = kind(format);
    User owner = queries.requireOwner(name, secret);
    return own(kind, request, owner, rawAfter(request, 3));
  }

  private HttpResponse<?> everyone(
      FeedFormat format, HttpRequest<?> request, WebPaths.Filter filter) {
    ListingRequest page = firstPage(null, filter, request.getParameters(), null);
    return answer(
        format,
        request,
        page,
        page.listing(Listing.ANONYMOUS),
        queries.lastChangeOfAnyone(),
        false);
  }

  private HttpResponse<?> ofUser(
      FeedFormat format, HttpRequest<?> request, User owner, WebPaths.Filter filter) {
    ListingRequest page = firstPage(owner, filter, request.getParameters(), null);
    return answer(format, request, page, page.listing(Listing.ANONYMOUS), changedAt(owner), false);
  }

  /**
   * {@code rest}: {@code toread} (the unread feed) and/or {@code t:A/t:-C} segments, or {@code
   * network} and its tag segments (the shared bookmarks of the people the owner follows).
   */
  private HttpResponse<?> own(FeedFormat format, HttpRequest<?> request, User owner, String rest) {
    if (rest.equals(NETWORK) || rest.startsWith(NETWORK + "/")) {
      WebPaths.Filter filter = WebPaths.parseFilter(rest.substring(NETWORK.length()));
      ListingRequest page = firstPage(null, filter, request.getParameters(), null).inNetwork();
      Listing listing = page.narrow(others.follows().network(owner.id()));
      return answer(
          format, request, page, listing, queries.lastChangeOfAnyone(), true, owner.name());
    }
    boolean unread = rest.equals(UNREAD) || rest.startsWith(UNREAD + "/");
    WebPaths.Filter filter = WebPaths.parseFilter(unread ? rest.substring(UNREAD.length()) : rest);
    ListingRequest page =
        firstPage(owner, filter, request.getParameters(), unread ? Boolean.TRUE : null);
    return answer(
        format, request, page, page.listing(owner.id()), changedAt(owner), true, owner.name());
  }

  /**
   * The feed of {@code page}'s {@code listing} (built from the page's request, as the page builds
   * it): its first page, {@code count} long, without the counts the page shows beside it (a feed
   * has no total or related tags).
   */
  private HttpResponse<?> answer(
      FeedFormat kind,
      HttpRequest<?> request,
      ListingRequest page,
      Listing listing,
      Instant changedAt,
      boolean secret) {
    return answer(kind, request, page, listing, changedAt, secret, null);
  }

  private HttpResponse<?> answer(
      FeedFormat kind,
      HttpRequest<?> request,
      ListingRequest page,
      Listing listing,
      Instant changedAt,
      boolean secret,
      @Nullable String reader) {
    int count = count(request.getParameters(), page.perPage());
    ListingPage items = listings.list(listing.withPerPage(count).withCounts(Set.of()));
    Feed feed =
        feed(
            FeedTitles.title(page, secret),
            FeedTitles.description(page, secret, reader),
            page.href((Cursor) null),
            request,
            changedAt,
            items.items());
    return respond(kind, request, feed, secret);
  }

  /** A feed of {@code items} from the page at {@code path}, updated when its newest item was. */
  private Feed feed(
      String title,
      String description,
      String path,
      HttpRequest<?> request,
      Instant changedAt,
      List<Bookmark> items) {
    Instant updated =
        items.stream().map(Bookmark::updated).reduce(changedAt, FeedController::later);
    return new Feed(
        title,
        description,
        site.base() + path,
        site.base() + request.getUri().toString(),
        updated,
        items);
  }

  /** The feed written, or a 304 when the reader already has this version. */
  private HttpResponse<?> respond(
      FeedFormat kind, HttpRequest<?> request, Feed feed, boolean secret) {
    FeedWriter.Written written = writer.write(feed, kind);
    FeedVersion version = written.version();
    HttpHeaders asked = request.getHeaders();
    MutableHttpResponse<?> response =
        version.notModified(
                asked.get(HttpHeaders.IF_NONE_MATCH), asked.get(HttpHeaders.IF_MODIFIED_SINCE))
            ? HttpResponse.notModified()
            : HttpResponse.ok(written.xml().getBytes(StandardCharsets.UTF_8))
                .contentType(kind.mediaType() + ";charset=utf-8");
    response.header(HttpHeaders.ETAG, version.etag());
    if (version.settled()) {
      response.header(HttpHeaders.LAST_MODIFIED, version.lastModifiedHeader());
    }
    if (secret) {
      // keyed by its URL alone: no shared cache may keep a copy
      response.header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    }
    return response;
  }

  /** {@code rss} or {@code atom}; anything else is no feed at all. */
  private static FeedFormat kind(String format) {
    return FeedFormat.ofPath(format).orElseThrow(FeedNotFoundException::new);
  }

  /** The page's request, at its first page: a feed always starts at the newest bookmark. */
  private static ListingRequest firstPage(
      @Nullable User owner,
      WebPaths.Filter filter,
      HttpParameters params,
      @Nullable Boolean unread) {
    ListingRequest page = ListingRequest.read(owner, filter, params, PageSize.DEFAULT);
    return new ListingRequest(
        owner,
        false,
        filter,
        page.q(),
        page.perPage(),
        page.perPageGiven(),
        null,
        unread == null ? page.unread() : unread,
        false);
  }

  /** {@code count}, 1–400; without it the page's length ({@code per_page}, or 20). */
  static int count(HttpParameters params, int pageLength) {
    String value = params.get("count");
    if (value == null || value.isEmpty()) {
      return pageLength;
    }
    try {
      int count = Integer.parseInt(value.strip());
      if (count >= 1 && count <= MAX_COUNT) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    String shown = value.length() > 20 ? value.substring(0, 20) + "…" : value;
    throw new InvalidInputException(
        "count", "must be a whole number from 1 to " + MAX_COUNT + "; got '" + shown + "'");
  }

  /** When the owner's bookmarks last changed: a deletion moves it too. */
  private static Instant changedAt(User owner) {
    return Instant.ofEpochMilli(owner.bookmarksChangedAt());
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * The raw (still percent-encoded) path after {@code /feeds/FORMAT} and {@code skip - 1} more
   * segments: decoded, an encoded {@code /} inside a tag would break a segment in two.
   */
  private static String rawAfter(HttpRequest<?> request, int skip) {
    String rest = request.getUri().getRawPath().substring("/feeds/".length());
    for (int i = 0; i < skip; i++) {
      int slash = rest.indexOf('/');
      rest = slash < 0 ? "" : rest.substring(slash + 1);
    }
    return rest;
  }
}
