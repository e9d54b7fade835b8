package cairn.tag;

import cairn.input.NotFoundException;

/** The user has no tag by this name. */
public class TagNotFoundException extends NotFoundException {
  public TagNotFoundException(String name) {
    super("you have no tag '" + name + "'");
  }
}
