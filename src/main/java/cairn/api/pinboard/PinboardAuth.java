package cairn.api.pinboard;

import cairn.api.BasicAuth;
import cairn.user.Logins.Outcome;
import cairn.user.UserService;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/** Pinboard's two ways in: {@code auth_token=NAME:SECRET}, or HTTP Basic with the password. */
@Singleton
final class PinboardAuth {
  private final UserService users;
  private final BasicAuth basic;

  PinboardAuth(UserService users, BasicAuth basic) {
    this.users = users;
    this.basic = basic;
  }

  Outcome authenticate(HttpRequest<?> request, PinboardParams params) {
    String token = params.get("auth_token");
    if (token == null) {
      return basic.authenticate(request);
    }
    return users
        .authenticateToken(token)
        .<Outcome>map(Outcome.Verified::new)
        .orElseGet(Outcome.Refused::new);
  }
}
