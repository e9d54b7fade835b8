package cairn.web;

import cairn.web.ListingView.Choice;
import cairn.web.ListingView.Row;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A URL page: the URL, how many people shared it, its most used tags as a cloud, the viewer's own
 * save and what they can do (copy or edit), and everyone's shared saves with paging.
 *
 * @param yours the viewer's own save when it is private (a shared one is among the rows)
 * @param editHref where the viewer edits their save, if they have one
 * @param copyHref where the viewer copies the newest shared save to their own, if they may
 * @param feeds the RSS and Atom feeds of the URL's shared saves
 */
public record UrlPageView(
    PageView page,
    String path,
    String url,
    @Nullable String href,
    String title,
    long count,
    List<CloudTag> cloud,
    @Nullable Row yours,
    @Nullable String editHref,
    @Nullable String copyHref,
    List<Row> rows,
    @Nullable String earlier,
    @Nullable String later,
    List<Choice> perPage,
    List<FeedLink> feeds) {

  /** A tag in the URL's cloud: everyone's shared bookmarks with it, sized by its use here. */
  public record CloudTag(String name, int count, String href, int size) {}

  public String countText() {
    return "saved by " + count + (count == 1 ? " person" : " people");
  }
}
