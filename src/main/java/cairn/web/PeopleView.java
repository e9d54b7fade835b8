package cairn.web;

import java.util.List;

/**
 * {@code /u:NAME/following} or {@code /u:NAME/followers}: the people, each linking to their page,
 * with their shared bookmarks counted (never private ones) and since when.
 */
public record PeopleView(
    PageView page,
    String owner,
    String ownerHref,
    String heading,
    List<Person> people,
    List<ListingView.Choice> lists,
    String none) {

  public record Person(
      String name, String href, long sharedBookmarks, String since, String exactSince) {}
}
