package cairn.user;

import cairn.input.InvalidInputException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Accounts and their credentials: creating users, and checking API tokens and passwords. */
@Singleton
public class UserService {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,30}");

  private final UserRepository users;
  private final ApiTokenRepository tokens;
  private final Passwords passwords;
  private final Clock clock;

  UserService(UserRepository users, ApiTokenRepository tokens, Passwords passwords, Clock clock) {
    this.users = users;
    this.tokens = tokens;
    this.passwords = passwords;
    this.clock = clock;
  }

  /** A new account and the API token that was made for it. */
  public record NewUser(User user, String token) {}

  /** Creates a user with a password and a fresh API secret. */
  @Transactional
  public NewUser create(String name, String password) {
    checkName(name);
    Passwords.check(password);
    if (users.existsByName(name)) {
      throw new UserNameTakenException(name);
    }
    long now = clock.millis();
    User user =
        users.save(
            new User(null, name, passwords.hash(password), now, newSecret().toLowerCase(), 0));
    ApiToken token = tokens.save(new ApiToken(user.id(), newSecret(), now));
    return new NewUser(user, name + ":" + token.secret());
  }

  public Optional<User> findByName(String name) {
    return users.findByName(name);
  }

  public User getByName(String name) {
    return users.findByName(name).orElseThrow(() -> new UserNotFoundException(name));
  }

  /** The user whose API token ({@code NAME:SECRET}) this is, if it is valid. */
  public Optional<User> authenticateToken(String token) {
    int colon = token.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String secret = token.substring(colon + 1);
    return users
        .findByName(token.substring(0, colon))
        .filter(
            user ->
                tokens
                    .findById(user.id())
                    .map(t -> Secrets.constantTimeEquals(t.secret(), secret))
                    .orElse(false));
  }

  /** The user with this name and password, if they match. */
  public Optional<User> authenticatePassword(String name, String password) {
    Optional<User> user = users.findByName(name);
    if (user.isEmpty()) {
      passwords.burnTime(password);
      return Optional.empty();
    }
    return user.filter(u -> passwords.matches(password, u.passwordHash()));
  }

  /** The user's API token, {@code NAME:SECRET}. */
  public String tokenOf(User user) {
    return user.name() + ":" + tokens.findById(user.id()).orElseThrow().secret();
  }

  static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException(
          "name", "must be 1–30 characters of lower-case letters a–z, digits and '_'");
    }
  }

  static String newSecret() {
    return Secrets.randomHex(10).toUpperCase(Locale.ROOT);
  }
}
