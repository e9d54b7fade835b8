package cairn.web;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;

/** What a feed calls itself: the page's heading, and what else narrows the listing. */
final class FeedTitles {
  private FeedTitles() {}

  /** {@code jm + distcomp − papers · “raft” · unread · private · Cairn}. */
  static String title(ListingRequest page, boolean own) {
    List<String> parts = new ArrayList<>();
    StringBuilder heading = new StringBuilder(page.heading());
    page.filter().excluded().forEach(t -> heading.append(" − ").append(t));
    parts.add(heading.toString());
    if (!page.q().isEmpty()) {
      parts.add("“" + page.q() + "”");
    }
    if (page.unread() != null) {
      parts.add(page.unread() ? "unread" : "read");
    }
    if (own) {
      parts.add("private");
    }
    parts.add("Cairn");
    return String.join(" · ", parts);
  }

  /** One sentence on the listing; {@code reader} is whose private feed it is, if it is one. */
  static String description(ListingRequest page, boolean own, @Nullable String reader) {
    String whose =
        page.network()
            ? "Shared bookmarks of the people " + reader + " follows,"
            : page.ownerName() == null
                ? "Everyone's shared bookmarks"
                : own
                    ? page.ownerName() + "'s bookmarks, private ones included,"
                    : page.ownerName() + "'s shared bookmarks";
    List<String> tags = page.filter().tags();
    String tagged = tags.isEmpty() ? "" : " tagged " + String.join(" and ", tags);
    String search = page.q().isEmpty() ? "" : " matching “" + page.q() + "”";
    return whose + tagged + search + " on Cairn, newest first.";
  }
}
