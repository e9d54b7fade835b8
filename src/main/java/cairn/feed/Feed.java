package cairn.feed;

import cairn.bookmark.Bookmark;
import java.time.Instant;
import java.util.List;

/**
 * One feed before it is written: what names it, where it comes from, and its items — the first page
 * of the listing it is the feed of, newest first.
 *
 * @param title names the listing ({@code jm + distcomp})
 * @param description one sentence about the listing, for readers that show it
 * @param link the absolute URL of the listing's page
 * @param self the absolute URL of this feed
 * @param updated when its content last changed (also its {@code Last-Modified})
 * @param items the bookmarks, as the feed's reader may see them
 */
public record Feed(
    String title,
    String description,
    String link,
    String self,
    Instant updated,
    List<Bookmark> items) {

  public Feed {
    items = List.copyOf(items);
  }
}
