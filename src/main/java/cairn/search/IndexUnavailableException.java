package cairn.search;

/** The index cannot answer right now (it is shutting down); the request may be retried. */
public class IndexUnavailableException extends RuntimeException {
  public IndexUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
