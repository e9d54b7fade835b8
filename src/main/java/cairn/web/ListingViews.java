package cairn.web;

import cairn.bookmark.Bookmark;
import cairn.bookmark.UrlKey;
import cairn.browse.ListingPage;
import cairn.feed.FeedFormat;
import cairn.follow.FollowQueries;
import cairn.input.PageSize;
import cairn.query.Passage;
import cairn.query.SearchSyntaxException;
import cairn.query.TagCount;
import cairn.tag.TagName;
import cairn.user.User;
import cairn.web.ListingView.Choice;
import cairn.web.ListingView.FilterTag;
import cairn.web.ListingView.Header;
import cairn.web.ListingView.Link;
import cairn.web.ListingView.Profile;
import cairn.web.ListingView.Related;
import cairn.web.ListingView.Row;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns a listing's page into its view model: rows, header, related tags, paging links. */
@Singleton
final class ListingViews {
  private static final Set<String> LINKABLE = Set.of("http", "https", "ftp");
  static final String NOTHING_YET = "Nothing here yet.";
  private final Clock clock;
  private final FollowQueries follows;

  ListingViews(Clock clock, FollowQueries follows) {
    this.clock = clock;
    this.follows = follows;
  }

  ListingView view(Visitor visitor, ListingRequest request, ListingPage page) {
    return view(visitor, request, page, NOTHING_YET);
  }

  /** The view, saying {@code empty} where the rows would be when there are none. */
  ListingView view(Visitor visitor, ListingRequest request, ListingPage page, String empty) {
    return view(visitor, request, page, empty, null);
  }

  /**
   * A listing whose search could not be read: no rows, the mistake beside the search box and the
   * search kept in it to be mended.
   */
  ListingView unreadable(Visitor visitor, ListingRequest request, SearchSyntaxException e) {
    ListingPage none =
        new ListingPage(List.of(), 0, List.of(), null, null, request.perPage(), Map.of(), Map.of());
    return view(visitor, request, none, "Nothing was searched: mend the search above.", e.rule());
  }

  private ListingView view(
      Visitor visitor,
      ListingRequest request,
      ListingPage page,
      String empty,
      @Nullable String searchError) {
    String owner = request.ownerName();
    return new ListingView(
        PageView.of(request.heading(), visitor),
        header(request, page.total()),
        page.items().stream()
            .map(b -> row(visitor, b, page.savedByOthers(b), page.passage(b)))
            .toList(),
        related(request, page.related()),
        request.cloud(),
        request.withRelatedMode(!request.cloud()),
        page.earlier() == null ? null : request.href(page.earlier()),
        page.later() == null ? null : request.href(page.later()),
        PageSize.CHOICES.stream()
            .map(n -> new Choice(n.toString(), request.withPerPage(n), n == request.perPage()))
            .toList(),
        request.path(),
        request.q(),
        owner == null ? null : WebPaths.user(owner) + "/tags",
        feeds(visitor, request),
        empty,
        request.owner() == null ? null : profile(visitor, request.owner()),
        searchError);
  }

  /**
   * The listing's feeds: the public ones, and on the owner's own listing also the private ones,
   * which carry what the owner sees here (private bookmarks included).
   */
  private static ListingView.Feeds feeds(Visitor visitor, ListingRequest request) {
    String title = request.heading();
    List<FeedLink> shared = new ArrayList<>();
    List<FeedLink> own = new ArrayList<>();
    for (FeedFormat format : FeedFormat.values()) {
      if (request.network()) {
        // a network is its reader's own: only their secret feed carries it
        String secret = visitor.user().feedSecret();
        own.add(
            FeedLink.of(format, request.networkFeedHref(format, secret, visitor.name()), title));
        continue;
      }
      shared.add(FeedLink.of(format, request.feedHref(format), title));
      if (request.owner() != null && visitor.is(request.owner().id())) {
        String secret = visitor.user().feedSecret();
        own.add(FeedLink.of(format, request.privateFeedHref(format, secret), title + ", private"));
      }
    }
    return new ListingView.Feeds(shared, own);
  }

  private Profile profile(Visitor visitor, User user) {
    FollowQueries.Counts counts = follows.counts(user.id());
    boolean other = visitor.signedIn() && !visitor.is(user.id());
    boolean followed = other && follows.follows(visitor.id(), user.id());
    String path = WebPaths.user(user.name());
    return new Profile(
        user.name(),
        counts.following(),
        counts.followers(),
        path + "/following",
        path + "/followers",
        other ? path + (followed ? "/unfollow" : "/follow") : null,
        followed);
  }

  private static Header header(ListingRequest request, long total) {
    WebPaths.Filter filter = request.filter();
    List<FilterTag> tags = new ArrayList<>();
    filter.tags().forEach(t -> tags.add(new FilterTag(t, false, request.href(filter.without(t)))));
    filter
        .excluded()
        .forEach(t -> tags.add(new FilterTag(t, true, request.href(filter.without(t)))));
    String owner = request.ownerName();
    if (request.network()) {
      return new Header(
          "network", WebPaths.network(WebPaths.Filter.NONE), tags, total, request.q(), "network");
    }
    return new Header(
        owner,
        owner == null ? null : WebPaths.user(owner),
        tags,
        total,
        request.q(),
        owner == null ? "everyone's bookmarks" : owner + "'s bookmarks");
  }

  Row row(Visitor visitor, Bookmark b, int savedByOthers) {
    return row(visitor, b, savedByOthers, null);
  }

  /** A row, with why it matched the search when it was found by one. */
  Row row(Visitor visitor, Bookmark b, int savedByOthers, @Nullable Passage passage) {
    boolean mine = visitor.is(b.ownerId());
    return new Row(
        b.id(),
        linkable(b.url()) ? b.url() : null,
        b.url(),
        b.title().isBlank() ? b.url() : b.title(),
        NoteBlocks.of(b.notes()),
        b.quotes().stream().map(Bookmark.Quote::text).toList(),
        b.tags().stream().map(t -> new Link(t, WebPaths.tag(b.owner(), t))).toList(),
        Dates.relative(b.created(), clock),
        Dates.exact(b.created()),
        b.created().toString(),
        b.owner(),
        WebPaths.user(b.owner()),
        mine,
        b.shared(),
        b.toread(),
        visitor.signedIn() && !mine ? "/add?copy=" + b.id() : null,
        savedByOthers,
        WebPaths.url(UrlKey.of(b.url()).hash()),
        passage);
  }

  private static List<Related> related(ListingRequest request, List<TagCount> counts) {
    WebPaths.Filter filter = request.filter();
    int max = counts.stream().mapToInt(TagCount::count).max().orElse(1);
    return counts.stream()
        .map(
            t -> {
              boolean inFilter =
                  filter.tags().stream().anyMatch(f -> TagName.keyOf(f).equals(t.key()));
              return new Related(
                  t.name(),
                  t.count(),
                  request.href(inFilter ? filter : filter.with(t.name())),
                  request.href(filter.excluding(t.name())),
                  inFilter,
                  inFilter ? request.href(filter.without(t.name())) : null,
                  size(t.count(), max));
            })
        .toList();
  }

  /** Cloud sizes 1–6 on a log scale of the count against the largest one. */
  static int size(int count, int max) {
    if (max <= 1) {
      return 1;
    }
    return 1 + (int) Math.round(5 * Math.log(count) / Math.log(max));
  }

  static boolean linkable(@Nullable String url) {
    try {
      String scheme = URI.create(url).getScheme();
      return scheme != null && LINKABLE.contains(scheme.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }
}
