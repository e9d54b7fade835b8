package cairn.web;

/** A page that needs a signed-in visitor was asked for by someone who is not; they log in first. */
final class SignInRequiredException extends RuntimeException {
  SignInRequiredException() {
    super("log in first");
  }
}
