package cairn.web;

import cairn.feed.FeedFormat;

/**
 * A link to a feed, on a page (visible, and as {@code <link rel="alternate">} in its head).
 *
 * @param label what the link says: RSS or Atom
 * @param type the feed's media type
 * @param href the feed's path and query
 * @param title what the head's alternate link calls it
 */
public record FeedLink(String label, String type, String href, String title) {
  static FeedLink of(FeedFormat format, String href, String title) {
    return new FeedLink(
        format.label(), format.mediaType(), href, title + " (" + format.label() + ")");
  }
}
