package cairn.web;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** A listing page: header, bookmarks, related tags, paging, and the search box. */
public record ListingView(
    PageView page,
    Header header,
    List<Row> rows,
    List<Related> related,
    boolean cloud,
    String relatedModeHref,
    @Nullable String earlier,
    @Nullable String later,
    List<Choice> perPage,
    String searchAction,
    String q,
    @Nullable String tagsHref) {

  /** "jm + distcomp + papers 83": whose, which tags (each removable), how many. */
  public record Header(
      @Nullable String owner,
      @Nullable String ownerHref,
      List<FilterTag> tags,
      long total,
      String q,
      String scope) {}

  public record FilterTag(String name, boolean excluded, String removeHref) {}

  /** One bookmark as the listing shows it. */
  public record Row(
      long id,
      @Nullable String href,
      String url,
      String title,
      List<NoteBlocks.Block> notes,
      List<String> quotes,
      List<Link> tags,
      String date,
      String exactDate,
      String isoDate,
      String owner,
      String ownerHref,
      boolean mine,
      boolean shared,
      boolean unread,
      @Nullable String copyHref,
      int savedByOthers,
      String urlHref) {

    /** "saved by 3 others" when others shared the URL too, else what the URL page link says. */
    public String urlLinkText() {
      return savedByOthers == 0
          ? "url"
          : "saved by " + savedByOthers + (savedByOthers == 1 ? " other" : " others");
    }
  }

  public record Link(String label, String href) {}

  /** A related tag: narrows the listing, or excludes itself; filter tags can be removed. */
  public record Related(
      String name,
      int count,
      String href,
      String excludeHref,
      boolean inFilter,
      @Nullable String removeHref,
      int size) {}

  public record Choice(String label, String href, boolean current) {}
}
