package cairn.api;

import cairn.user.Logins;
import cairn.user.Logins.Outcome;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * HTTP Basic with the account password, for every API surface: throttled, pooled and remembered
 * like every password log-in ({@link Logins}).
 */
@Singleton
public final class BasicAuth {
  private static final Set<String> OTHER_SITES = Set.of("cross-site", "same-site");
  private final Logins logins;

  BasicAuth(Logins logins) {
    this.logins = logins;
  }

  /** True for an {@code Authorization} header of the Basic scheme. */
  public static boolean isBasic(String header) {
    return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
  }

  /** What the name and password in the request's Basic {@code Authorization} header come to. */
  public Outcome authenticate(HttpRequest<?> request) {
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (!isBasic(header) || fromAnotherSite(request)) {
      return new Outcome.Refused();
    }
    String pair;
    try {
      pair =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return new Outcome.Refused();
    }
    int colon = pair.indexOf(':');
    if (colon <= 0) {
      return new Outcome.Refused();
    }
    String address = request.getRemoteAddress().getAddress().getHostAddress();
    return logins.attempt(pair.substring(0, colon), pair.substring(colon + 1), address);
  }

  /**
   * A browser sends the Basic credentials it remembers with every request to Cairn, those another
   * site makes it send too (an image pointing at {@code /v1/posts/delete?url=…}); such requests are
   * never taken as the user's. Programs send no {@code Sec-Fetch-Site}.
   */
  private static boolean fromAnotherSite(HttpRequest<?> request) {
    String site = request.getHeaders().get("Sec-Fetch-Site");
    return site != null && OTHER_SITES.contains(site.toLowerCase(Locale.ROOT));
  }
}
