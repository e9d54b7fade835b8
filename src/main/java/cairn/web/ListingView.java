package cairn.web;

import cairn.query.Passage;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A listing page: header, bookmarks (or what to say when there are none), related tags, paging, the
 * search box, and on a user's page their place in the network.
 */
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
    @Nullable String tagsHref,
    Feeds feeds,
    String empty,
    @Nullable Profile profile,
    @Nullable String searchError) {

  /** The listing's feeds: everyone's, and the owner's private ones on their own listing. */
  public record Feeds(List<FeedLink> shared, List<FeedLink> own) {}

  /**
   * Who a user page belongs to in the network: how many they follow and how many follow them, and
   * for a signed-in visitor other than them, the form that follows or unfollows them.
   */
  public record Profile(
      String name,
      long following,
      long followers,
      String followingHref,
      String followersHref,
      @Nullable String followAction,
      boolean followed) {}

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
      String urlHref,
      @Nullable Passage passage) {

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
