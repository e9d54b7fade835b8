package cairn.web;

import cairn.query.Listing;
import cairn.user.User;
import io.micronaut.core.annotation.Nullable;

/**
 * Who is asking for a page: the signed-in user, if any, and the CSRF token their forms carry (the
 * session's, or for someone not signed in, the one in their {@code cairn_csrf} cookie).
 */
record Visitor(@Nullable User user, String csrf) {
  boolean signedIn() {
    return user != null;
  }

  /** The signed-in user; for anyone else the page asks them to sign in. */
  User requireSignedIn() {
    if (user == null) {
      throw new SignInRequiredException();
    }
    return user;
  }

  /** The id listings are asked with ({@link Listing#ANONYMOUS} when not signed in). */
  long id() {
    return user == null ? Listing.ANONYMOUS : user.id();
  }

  @Nullable
  String name() {
    return user == null ? null : user.name();
  }

  boolean is(long userId) {
    return user != null && user.id() == userId;
  }
}
