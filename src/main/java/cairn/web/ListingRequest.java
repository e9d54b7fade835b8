package cairn.web;

import cairn.feed.FeedFormat;
import cairn.input.Flags;
import cairn.input.PageSize;
import cairn.query.Cursor;
import cairn.query.Listing;
import cairn.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * A listing page's request: whose bookmarks, the tag filter from the path, and the query parameters
 * {@code q}, {@code per_page}, {@code cursor}, {@code unread} and {@code related} (list or cloud).
 * Builds the links of the page, which keep the parameters that still apply.
 */
record ListingRequest(
    @Nullable User owner,
    boolean network,
    WebPaths.Filter filter,
    String q,
    int perPage,
    boolean perPageGiven,
    @Nullable Cursor cursor,
    @Nullable Boolean unread,
    boolean cloud) {

  static ListingRequest read(
      @Nullable User owner, WebPaths.Filter filter, HttpParameters params, int defaultPerPage) {
    String perPage = params.get("per_page");
    return new ListingRequest(
        owner,
        false,
        filter,
        params.get("q") == null ? "" : params.get("q").strip(),
        PageSize.parse(perPage, defaultPerPage),
        perPage != null,
        params.getFirst("cursor").filter(c -> !c.isEmpty()).map(Cursor::decode).orElse(null),
        Flags.parse("unread", params.get("unread")),
        "cloud".equals(params.get("related")));
  }

  /** The same request on {@code /network}: the people the viewer follows. */
  ListingRequest inNetwork() {
    return new ListingRequest(null, true, filter, q, perPage, perPageGiven, cursor, unread, cloud);
  }

  /**
   * The listing of one owner's or everyone's bookmarks; a network's base comes from its follows.
   */
  Listing listing(long viewer) {
    if (network) {
      throw new IllegalStateException("a network listing starts from the people followed");
    }
    return narrow(Listing.of(viewer, owner == null ? null : owner.id()));
  }

  /** The page's filter, text, paging and unread choice applied to a listing's base. */
  Listing narrow(Listing base) {
    return base.withTags(filter.tags())
        .withExcluded(filter.excluded())
        .withText(q)
        .withToread(unread)
        .withCursor(cursor)
        .withPerPage(perPage);
  }

  @Nullable
  String ownerName() {
    return owner == null ? null : owner.name();
  }

  /** The listing with another filter, from its newest bookmark. */
  String href(WebPaths.Filter other) {
    return link(pathOf(other), null, perPageGiven ? perPage : 0, cloud);
  }

  String href(@Nullable Cursor at) {
    return link(pathOf(filter), at, perPageGiven ? perPage : 0, cloud);
  }

  String withPerPage(int size) {
    return link(pathOf(filter), null, size, cloud);
  }

  String withRelatedMode(boolean inCloud) {
    return link(pathOf(filter), cursor, perPageGiven ? perPage : 0, inCloud);
  }

  String path() {
    return pathOf(filter);
  }

  private String pathOf(WebPaths.Filter which) {
    return network ? WebPaths.network(which) : WebPaths.listing(ownerName(), which);
  }

  /** The page's heading and title: {@code jm + distcomp + papers}, or {@code everyone + …}. */
  String heading() {
    List<String> heading = new ArrayList<>();
    heading.add(owner != null ? owner.name() : network ? "network" : "everyone");
    heading.addAll(filter.tags());
    return String.join(" + ", heading);
  }

  /** The feed of this listing's first page: the same path and query parameters. */
  String feedHref(FeedFormat format) {
    return "/feeds/" + format.pathName() + link(path(), null, perPageGiven ? perPage : 0, false);
  }

  /** The owner's private feed of this listing (their private bookmarks included). */
  String privateFeedHref(FeedFormat format, String secret) {
    return "/feeds/"
        + format.pathName()
        + "/secret:"
        + secret
        + link(path(), null, perPageGiven ? perPage : 0, false);
  }

  /** {@code reader}'s private feed of this network listing, keyed by their feed secret. */
  String networkFeedHref(FeedFormat format, String secret, String reader) {
    return "/feeds/"
        + format.pathName()
        + "/secret:"
        + secret
        + WebPaths.user(reader)
        + link(path(), null, perPageGiven ? perPage : 0, false);
  }

  private String link(String path, @Nullable Cursor at, int size, boolean inCloud) {
    List<String> query = new ArrayList<>();
    if (!q.isEmpty()) {
      query.add("q=" + WebPaths.query(q));
    }
    if (unread != null) {
      query.add("unread=" + (unread ? "yes" : "no"));
    }
    if (size > 0) {
      query.add("per_page=" + size);
    }
    if (inCloud) {
      query.add("related=cloud");
    }
    if (at != null) {
      query.add("cursor=" + at.encode());
    }
    return query.isEmpty() ? path : path + "?" + String.join("&", query);
  }
}
