package cairn.user;

/** Who may create an account from the sign-up page ({@code cairn.signup}). */
public enum SignupMode {
  /** anyone */
  OPEN,
  /** people holding an invitation link made by an existing user */
  INVITE,
  /** nobody: accounts come from {@code cairn user add} */
  CLOSED
}
