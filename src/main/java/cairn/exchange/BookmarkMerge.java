package cairn.exchange;

import cairn.bookmark.BookmarkDraft;
import cairn.bookmark.BookmarkState;
import cairn.input.InvalidInputException;
import cairn.tag.TagList;
import cairn.tag.TagName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rule for an imported entry whose URL the user already has (same normalized URL): the two
 * become one bookmark, so that importing a file twice, or two overlapping files, loses nothing and
 * changes nothing the second time.
 *
 * <ul>
 *   <li>date: the older of the two is kept (the first time the link was saved);
 *   <li>tags: the union, the bookmark's own first, in their order, then the entry's new ones;
 *   <li>title and notes: the bookmark's, unless empty; then the entry's;
 *   <li>quotes: the entry's quotes that the bookmark does not have are appended;
 *   <li>privacy and "to read": the bookmark's stay as they are (re-importing an old export must not
 *       publish what was made private since, nor mark read things unread again);
 *   <li>the URL stays as first saved.
 * </ul>
 *
 * A merge that would exceed 100 tags or 100 quotes is refused (the entry is skipped).
 */
final class BookmarkMerge {
  private BookmarkMerge() {}

  /** The bookmark after taking in the entry; equal to {@code have} when the entry adds nothing. */
  static BookmarkState merge(BookmarkState have, BookmarkDraft entry) {
    long created =
        entry.created() == null
            ? have.created()
            : Math.min(have.created(), entry.created().toEpochMilli());
    return new BookmarkState(
        have.id(),
        have.url(),
        have.title().isEmpty() ? entry.title() : have.title(),
        have.notes().isEmpty() ? entry.notes() : have.notes(),
        quotes(have.quotes(), entry.quotes()),
        tags(have.tags(), entry.tags()),
        have.shared(),
        have.toread(),
        created);
  }

  private static List<TagName> tags(List<TagName> have, TagList more) {
    Set<String> keys = new HashSet<>();
    have.forEach(t -> keys.add(t.key()));
    List<TagName> union = new ArrayList<>(have);
    for (TagName tag : more.tags()) {
      if (keys.add(tag.key())) {
        union.add(tag);
      }
    }
    if (union.size() > TagList.MAX_TAGS) {
      throw new InvalidInputException(
          "tags",
          "merged with the bookmark you have, it would have "
              + union.size()
              + " tags; a bookmark has at most 100");
    }
    return union;
  }

  private static List<String> quotes(List<String> have, List<String> more) {
    Set<String> seen = new HashSet<>(have);
    List<String> all = new ArrayList<>(have);
    for (String quote : more) {
      if (seen.add(quote)) {
        all.add(quote);
      }
    }
    if (all.size() > BookmarkDraft.MAX_QUOTES) {
      throw new InvalidInputException(
          "quotes",
          "merged with the bookmark you have, it would have "
              + all.size()
              + " quotes; a bookmark has at most 100");
    }
    return all.size() == have.size() ? have : List.copyOf(all);
  }
}
