package cairn.browse;

import cairn.bookmark.UrlKey;
import cairn.query.Listing;
import cairn.query.TagCount;
import cairn.tag.TagName;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Tags to offer someone saving a page: what others tagged the same URL with, and the person's own
 * tags, those already on the URL first, then those matching words of the URL or title. Also
 * completes a tag being typed from the person's own tags. All answered by the listing engine.
 */
@Singleton
public class TagSuggestions {
  private static final int MAX = 10;
  private final ListingService listings;

  TagSuggestions(ListingService listings) {
    this.listings = listings;
  }

  /** Public tags everyone (who shares) gave this URL, most used first. */
  public List<String> popular(long userId, String url) {
    Listing everyone = Listing.of(userId, null).withUrlKey(UrlKey.of(url).value()).withPerPage(1);
    return top(listings.list(everyone).relatedByCount().stream());
  }

  /** The user's own tags on this URL, or else their tags that are words of the URL or title. */
  public List<String> recommended(long userId, String url, String title) {
    List<String> onUrl =
        top(
            listings
                .list(mine(userId).withUrlKey(UrlKey.of(url).value()))
                .relatedByCount()
                .stream());
    if (!onUrl.isEmpty()) {
      return onUrl;
    }
    Set<String> words = new HashSet<>();
    for (String text : List.of(UrlKey.of(url).value(), title == null ? "" : title)) {
      words.addAll(List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
    }
    return top(
        listings.list(mine(userId)).relatedByCount().stream().filter(t -> words.contains(t.key())));
  }

  /** The user's own tags starting with {@code prefix} (ignoring case), most used first. */
  public List<String> complete(long userId, String prefix) {
    String key = prefix.strip().toLowerCase(Locale.ROOT);
    if (key.isEmpty()) {
      return List.of();
    }
    return listings.list(mine(userId)).relatedByCount().stream()
        .filter(t -> t.key().startsWith(key))
        .limit(MAX)
        .map(TagCount::name)
        .toList();
  }

  private static Listing mine(long userId) {
    return Listing.of(userId, userId).withPerPage(1);
  }

  private static List<String> top(Stream<TagCount> byCount) {
    return byCount
        .filter(t -> !TagName.isPrivate(t.name()))
        .limit(MAX)
        .map(TagCount::name)
        .toList();
  }
}
