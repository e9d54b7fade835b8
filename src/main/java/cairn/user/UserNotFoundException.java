package cairn.user;

/** No user by this name. */
public class UserNotFoundException extends RuntimeException {
  public UserNotFoundException(String name) {
    super("no user '" + name + "'");
  }
}
