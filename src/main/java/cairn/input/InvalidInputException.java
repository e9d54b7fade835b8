package cairn.input;

/**
 * Input that breaks one of Cairn's rules; names the field and the rule so every surface can say it.
 *
 * <p>Each surface maps it once: a form re-shown with the message, problem+json on the API, a
 * Pinboard result code on {@code /v1}.
 */
public class InvalidInputException extends RuntimeException {
  private final String field;
  private final String rule;

  public InvalidInputException(String field, String rule) {
    super(field + ": " + rule);
    this.field = field;
    this.rule = rule;
  }

  /** The input field at fault, as the client named it ({@code url}, {@code tags}, {@code body}). */
  public String field() {
    return field;
  }

  /** The rule that was broken, as a sentence for people. */
  public String rule() {
    return rule;
  }
}
