package cairn.tag;

/** The user has no tag by this name. */
public class TagNotFoundException extends RuntimeException {
  public TagNotFoundException(String name) {
    super("you have no tag '" + name + "'");
  }
}
