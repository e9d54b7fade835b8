package cairn.input;

/**
 * Something the caller named does not exist for them — which includes what exists but is not theirs
 * to see, so that "not yours" and "not there" cannot be told apart.
 */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
