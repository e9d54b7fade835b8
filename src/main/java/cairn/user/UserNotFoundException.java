package cairn.user;

import cairn.input.NotFoundException;

/** No user by this name. */
public class UserNotFoundException extends NotFoundException {
  public UserNotFoundException(String name) {
    super("no user '" + name + "'");
  }
}
