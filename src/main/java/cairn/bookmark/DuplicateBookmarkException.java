package cairn.bookmark;

/**
 * The user already has a bookmark for this URL (by normalized URL); carries the existing one's id.
 */
public class DuplicateBookmarkException extends RuntimeException {
  private final long existingId;

  public DuplicateBookmarkException(long existingId, String url) {
    super("you already saved " + url + " as bookmark " + existingId);
    this.existingId = existingId;
  }

  public long existingId() {
    return existingId;
  }
}
