package cairn.search;

/**
 * A bookmark in the store that cannot be made an index document (a term over Lucene's 32 KB, a
 * value no check let through): the indexer stops at it and retries with back-off, and the health
 * check names it, so that one bad row is found and fixed instead of silently missing from listings.
 */
final class UnindexableBookmarkException extends RuntimeException {
  UnindexableBookmarkException(long bookmarkId, long seq, RuntimeException cause) {
    super(
        "bookmark "
            + bookmarkId
            + (seq > 0 ? " (journal position " + seq + ")" : "")
            + " cannot be indexed: "
            + cause.getMessage(),
        cause);
  }
}
