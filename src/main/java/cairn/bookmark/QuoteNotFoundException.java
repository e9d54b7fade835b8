package cairn.bookmark;

import cairn.input.NotFoundException;

/** The bookmark has no quote with this id. */
public class QuoteNotFoundException extends NotFoundException {
  public QuoteNotFoundException(long bookmarkId, long quoteId) {
    super("bookmark " + bookmarkId + " has no quote " + quoteId);
  }
}
