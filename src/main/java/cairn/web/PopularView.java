package cairn.web;

import cairn.web.ListingView.Choice;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** Popular: the window choices, the ranked URLs, and paging. */
public record PopularView(
    PageView page,
    String windowLabel,
    List<Choice> windows,
    List<Item> items,
    @Nullable String earlier,
    @Nullable String later,
    List<Choice> perPage,
    List<FeedLink> feeds) {

  /** One popular URL, shown by its newest shared save. */
  public record Item(
      int rank,
      String title,
      @Nullable String href,
      String url,
      String site,
      int count,
      String urlHref,
      String date,
      String exactDate,
      String isoDate,
      String by,
      String byHref) {

    public String countText() {
      return count + (count == 1 ? " person" : " people");
    }
  }
}
