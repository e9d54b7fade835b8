package cairn.support;

import cairn.bookmark.BookmarkDraft;
import cairn.tag.TagList;
import java.util.List;

/** Bookmark drafts with sensible defaults for tests. */
public final class Drafts {
  private Drafts() {}

  public static BookmarkDraft draft(String url) {
    return draft(url, "");
  }

  public static BookmarkDraft draft(String url, String tags) {
    return new BookmarkDraft(
        url, "Title of " + url, "", List.of(), TagList.parse(tags), true, false, null);
  }

  public static BookmarkDraft withQuotes(String url, String tags, List<String> quotes) {
    return new BookmarkDraft(
        url, "Title", "notes", quotes, TagList.parse(tags), false, false, null);
  }
}
