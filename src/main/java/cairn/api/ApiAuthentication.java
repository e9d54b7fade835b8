package cairn.api;

import cairn.errors.Failure;
import cairn.errors.ProblemJson;
import cairn.user.Logins.Outcome;
import cairn.user.User;
import cairn.user.UserService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;

/**
 * Authenticates every {@code /api} request: {@code Authorization: Bearer NAME:SECRET}, HTTP Basic
 * with the password, or {@code ?auth_token=NAME:SECRET}. Anything else is a 401 with challenges, so
 * clients that only send credentials when asked work too.
 */
@ServerFilter("/api/**")
final class ApiAuthentication {
  /** The request attribute holding the authenticated {@link User}. */
  static final String VIEWER = "cairn.viewer";

  private final UserService users;
  private final BasicAuth basic;

  ApiAuthentication(UserService users, BasicAuth basic) {
    this.users = users;
    this.basic = basic;
  }

  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Nullable
  HttpResponse<?> authenticate(HttpRequest<?> request) {
    Outcome outcome = credentialsOf(request);
    if (outcome instanceof Outcome.Verified verified) {
      request.setAttribute(VIEWER, verified.user());
      return null;
    }
    if (outcome instanceof Outcome.Throttled throttled) {
      return ProblemJson.render(
              Failure.of(
                  HttpStatus.TOO_MANY_REQUESTS,
                  throttled.reason() + "; try again in " + throttled.retryAfterSeconds() + " s"))
          .header(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
    }
    return ProblemJson.render(
            Failure.of(
                HttpStatus.UNAUTHORIZED,
                "authenticate with 'Authorization: Bearer NAME:SECRET', HTTP Basic with your"
                    + " password, or ?auth_token=NAME:SECRET"))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Cairn\", charset=\"UTF-8\"")
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Cairn\"");
  }

  private Outcome credentialsOf(HttpRequest<?> request) {
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    Optional<User> byToken;
    if (header == null) {
      byToken = request.getParameters().getFirst("auth_token").flatMap(users::authenticateToken);
    } else if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      byToken = users.authenticateToken(header.substring(7).strip());
    } else {
      return basic.authenticate(request);
    }
    return byToken.<Outcome>map(Outcome.Verified::new).orElseGet(Outcome.Refused::new);
  }
}
