package cairn.bookmark;

/** The bookmark has no quote with this id. */
public class QuoteNotFoundException extends RuntimeException {
  public QuoteNotFoundException(long bookmarkId, long quoteId) {
    super("bookmark " + bookmarkId + " has no quote " + quoteId);
  }
}
