package cairn.api;

import cairn.user.User;
import cairn.user.UserService;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * HTTP Basic with the account password, for every API surface. Scripts send Basic on every call and
 * Argon2 is slow by design, so a successful check is remembered for a few minutes under a digest of
 * the credentials (never the password itself).
 */
@Singleton
public final class BasicAuth {
  private static final Duration REMEMBER = Duration.ofMinutes(5);
  private final UserService users;
  private final Cache<String, User> verified =
      Caffeine.newBuilder().expireAfterWrite(REMEMBER).maximumSize(10_000).build();

  BasicAuth(UserService users) {
    this.users = users;
  }

  /** True for an {@code Authorization} header of the Basic scheme. */
  public static boolean isBasic(String header) {
    return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
  }

  /**
   * The user whose name and password a Basic {@code Authorization} header carries, if they match.
   */
  public Optional<User> authenticate(String header) {
    if (!isBasic(header)) {
      return Optional.empty();
    }
    String pair;
    try {
      pair =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = pair.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String key = digest(pair);
    User known = verified.getIfPresent(key);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<User> user =
        users.authenticatePassword(pair.substring(0, colon), pair.substring(colon + 1));
    user.ifPresent(u -> verified.put(key, u));
    return user;
  }

  private static String digest(String credentials) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(credentials.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
