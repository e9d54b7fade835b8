package cairn.bookmark;

import cairn.input.NotFoundException;

/**
 * No bookmark with this id that the caller may see; someone else's private one is "not found" too.
 */
public class BookmarkNotFoundException extends NotFoundException {
  public BookmarkNotFoundException(long id) {
    super("no bookmark " + id);
  }
}
