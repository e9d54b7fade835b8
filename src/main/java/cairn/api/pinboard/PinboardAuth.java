package cairn.api.pinboard;

import cairn.api.BasicAuth;
import cairn.user.User;
import cairn.user.UserService;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Pinboard's two ways in: {@code auth_token=NAME:SECRET}, or HTTP Basic with the password. */
@Singleton
final class PinboardAuth {
  private final UserService users;
  private final BasicAuth basic;

  PinboardAuth(UserService users, BasicAuth basic) {
    this.users = users;
    this.basic = basic;
  }

  Optional<User> authenticate(HttpRequest<?> request, PinboardParams params) {
    String token = params.get("auth_token");
    return token != null
        ? users.authenticateToken(token)
        : basic.authenticate(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
  }
}
