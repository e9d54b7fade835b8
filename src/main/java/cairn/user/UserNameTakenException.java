package cairn.user;

/** Someone already has this user name. */
public class UserNameTakenException extends RuntimeException {
  public UserNameTakenException(String name) {
    super("the user name '" + name + "' is taken");
  }
}
