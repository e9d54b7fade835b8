package cairn.bookmark;

import cairn.tag.TagName;
import java.util.List;

/**
 * A bookmark's fields as the write path takes them: what {@link BookmarkWriter} stores, and what it
 * reads back for a merge or an edit. {@code id} is 0 for a bookmark not yet stored; {@code created}
 * is epoch milliseconds.
 */
public record BookmarkState(
    long id,
    String url,
    String title,
    String notes,
    List<String> quotes,
    List<TagName> tags,
    boolean shared,
    boolean toread,
    long created) {
  public BookmarkState {
    quotes = List.copyOf(quotes);
    tags = List.copyOf(tags);
  }

  /** A new bookmark from a checked draft; no date means {@code now}. */
  public static BookmarkState of(BookmarkDraft draft, long now) {
    return new BookmarkState(
        0,
        draft.url(),
        draft.title(),
        draft.notes(),
        draft.quotes(),
        draft.tags().tags(),
        draft.shared(),
        draft.toread(),
        draft.created() == null ? now : draft.created().toEpochMilli());
  }

  /** This state stored under {@code id}. */
  BookmarkState withId(long id) {
    return new BookmarkState(id, url, title, notes, quotes, tags, shared, toread, created);
  }
}
