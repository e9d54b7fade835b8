package cairn.web;

import cairn.bookmark.Bookmark;
import cairn.browse.Popular;
import cairn.browse.PopularWindow;
import cairn.browse.UrlPage;
import cairn.feed.FeedFormat;
import cairn.input.PageSize;
import cairn.query.TagCount;
import cairn.web.ListingView.Choice;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a URL page and a page of popular URLs into their view models and links. */
@Singleton
final class UrlPageViews {
  private final ListingViews listings;
  private final Clock clock;

  UrlPageViews(ListingViews listings, Clock clock) {
    this.listings = listings;
    this.clock = clock;
  }

  UrlPageView url(Visitor visitor, UrlPage page, boolean perPageGiven) {
    var saves = page.saves();
    Bookmark yours = page.yours();
    Bookmark newest = saves.items().isEmpty() ? yours : saves.items().get(0);
    String title =
        yours != null && !yours.title().isBlank() ? yours.title() : titleOf(newest, page);
    int max = page.cloud().stream().mapToInt(TagCount::count).max().orElse(1);
    String path = WebPaths.url(page.hash());
    int size = perPageGiven ? saves.perPage() : 0;
    return new UrlPageView(
        PageView.of(title, visitor),
        path,
        page.url(),
        ListingViews.linkable(page.url()) ? page.url() : null,
        title,
        page.count(),
        page.cloud().stream()
            .map(
                t ->
                    new UrlPageView.CloudTag(
                        t.name(),
                        t.count(),
                        "/t:" + WebPaths.segment(t.name()),
                        ListingViews.size(t.count(), max)))
            .toList(),
        yours != null && !yours.shared() ? listings.row(visitor, yours, 0) : null,
        yours == null ? null : "/b/" + yours.id() + "/edit",
        yours == null && visitor.signedIn() && newest != null ? "/add?copy=" + newest.id() : null,
        saves.items().stream().map(b -> listings.row(visitor, b, saves.savedByOthers(b))).toList(),
        saves.earlier() == null ? null : link(path, saves.earlier().encode(), size, null),
        saves.later() == null ? null : link(path, saves.later().encode(), size, null),
        perPageChoices(path, saves.perPage(), null),
        feeds(link(path, null, size, null), "saves of " + page.url()));
  }

  PopularView popular(Visitor visitor, Popular page, boolean perPageGiven) {
    String window = page.window() == PopularWindow.DEFAULT ? null : page.window().label();
    int size = perPageGiven ? page.perPage() : 0;
    List<PopularView.Item> items = new ArrayList<>();
    for (Popular.Entry e : page.items()) {
      Bookmark b = e.newest();
      Instant newest = Instant.ofEpochMilli(e.count().newest());
      items.add(
          new PopularView.Item(
              items.size() + 1,
              b.title().isBlank() ? b.url() : b.title(),
              ListingViews.linkable(b.url()) ? b.url() : null,
              b.url(),
              site(b.url()),
              e.count().count(),
              WebPaths.url(e.count().hash()),
              Dates.relative(newest, clock),
              Dates.exact(newest),
              newest.toString(),
              b.owner(),
              WebPaths.user(b.owner())));
    }
    return new PopularView(
        PageView.of("popular", visitor),
        page.window().label(),
        java.util.Arrays.stream(PopularWindow.values())
            .map(
                w ->
                    new Choice(
                        w.label(),
                        link("/popular", null, size, w == PopularWindow.DEFAULT ? null : w.label()),
                        w == page.window()))
            .toList(),
        items,
        page.earlier() == null ? null : link("/popular", page.earlier().encode(), size, window),
        page.later() == null ? null : link("/popular", page.later().encode(), size, window),
        perPageChoices("/popular", page.perPage(), window),
        feeds(link("/popular", null, size, window), "popular, " + page.window().label()));
  }

  /** The RSS and Atom feeds of the first page at {@code pathAndQuery}. */
  private static List<FeedLink> feeds(String pathAndQuery, String title) {
    return java.util.Arrays.stream(FeedFormat.values())
        .map(f -> FeedLink.of(f, "/feeds/" + f.pathName() + pathAndQuery, title))
        .toList();
  }

  /** {@code per_page} as the web takes it: one of 20, 40, 80, 120, 160; 20 when not given. */
  static int perPage(HttpParameters params) {
    return PageSize.parse(params.get("per_page"), PageSize.DEFAULT);
  }

  private static List<Choice> perPageChoices(String path, int current, @Nullable String window) {
    return PageSize.CHOICES.stream()
        .map(n -> new Choice(n.toString(), link(path, null, n, window), n == current))
        .toList();
  }

  private static String link(
      String path, @Nullable String cursor, int perPage, @Nullable String window) {
    List<String> query = new ArrayList<>();
    if (window != null) {
      query.add("window=" + window);
    }
    if (perPage > 0) {
      query.add("per_page=" + perPage);
    }
    if (cursor != null) {
      query.add("cursor=" + cursor);
    }
    return query.isEmpty() ? path : path + "?" + String.join("&", query);
  }

  private static String titleOf(@Nullable Bookmark b, UrlPage page) {
    return b == null || b.title().isBlank() ? page.url() : b.title();
  }

  private static String site(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? "" : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
