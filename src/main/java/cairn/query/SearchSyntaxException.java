package cairn.query;

import cairn.input.InvalidInputException;

/** A search that cannot be read: the rule broken and where, on field {@code q}. */
public class SearchSyntaxException extends InvalidInputException {
  private final int position;

  SearchSyntaxException(String what, int position) {
    super("q", what + " at " + position);
    this.position = position;
  }

  /** Where in the search text, from 0. */
  public int position() {
    return position;
  }
}
