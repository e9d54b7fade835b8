package cairn.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Every log-in with a password, whatever the surface (the log-in form, HTTP Basic on both APIs).
 *
 * <ul>
 *   <li>One {@link LoginThrottle} counts failures per account and per address for all surfaces.
 *   <li>Argon2 runs on a small pool with a short queue: each check takes 19 MiB and tens of
 *       milliseconds of a core, so a flood of wrong passwords must wait its turn (or be turned
 *       away) instead of taking every request thread and the memory with it.
 *   <li>Scripts send Basic on every call, so a verified pair is remembered for a few minutes, keyed
 *       by a keyed digest of the credentials (never the password), and only while the account still
 *       has the password hash it was verified against: a password change or a deleted account ends
 *       it at once, on every node, and {@link #forget} ends it when the user asks for new secrets.
 * </ul>
 */
@Singleton
public class Logins {
  private static final Duration REMEMBER = Duration.ofMinutes(5);
  // A check queued this long has lost its caller's patience; Argon2 itself takes ~50 ms.
  private static final Duration MAX_WAIT = Duration.ofSeconds(20);
  static final int QUEUE = 32;

  /** Failed log-ins an account may have within the throttle's window before it is locked. */
  public static final int FAILURES_PER_ACCOUNT = LoginThrottle.PER_ACCOUNT;

  /** Failed log-ins one address may have within the window, whatever the accounts. */
  public static final int FAILURES_PER_ADDRESS = LoginThrottle.PER_ADDRESS;

  /** What came of an attempt. */
  public sealed interface Outcome {
    /** The password is right. */
    record Verified(User user) implements Outcome {}

    /** No such user, or the wrong password. */
    record Refused() implements Outcome {}

    /** Not checked: too many failures, or too many checks at once; try again later. */
    record Throttled(long retryAfterSeconds, String reason) implements Outcome {}
  }

  private record Remembered(long userId, String passwordHash) {}

  private final UserService users;
  private final LoginThrottle throttle;
  private final ThreadPoolExecutor pool;
  private final Cache<String, Remembered> verified =
      Caffeine.newBuilder().expireAfterWrite(REMEMBER).maximumSize(10_000).build();
  private final SecretKeySpec cacheKey;

  Logins(UserService users, LoginThrottle throttle) {
    this.users = users;
    this.throttle = throttle;
    // half the cores at most: the other half keeps serving pages while a flood is checked
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            r -> {
              Thread t = new Thread(r, "password-check-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.cacheKey = new SecretKeySpec(key, "HmacSHA256");
  }

  /** Checks a name and password that came from {@code address}. */
  public Outcome attempt(String name, String password, String address) {
    OptionalLong wait = throttle.reserve(name, address);
    if (wait.isPresent()) {
      return new Outcome.Throttled(wait.getAsLong(), "too many failed log-ins");
    }
    String key = digest(name + ":" + password);
    Optional<User> known = remembered(key, name);
    if (known.isPresent()) {
      throttle.refund(name, address);
      return new Outcome.Verified(known.get());
    }
    Optional<User> user;
    try {
      user = check(name, password);
    } catch (RejectedExecutionException | TimeoutException e) {
      throttle.refund(name, address);
      return new Outcome.Throttled(1, "too many log-ins at once");
    }
    if (user.isEmpty()) {
      return new Outcome.Refused();
    }
    throttle.refund(name, address);
    verified.put(key, new Remembered(user.get().id(), user.get().passwordHash()));
    return new Outcome.Verified(user.get());
  }

  /**
   * Forgets every remembered log-in of the user (new secrets, a new password, a deleted account).
   */
  public void forget(long userId) {
    verified.asMap().values().removeIf(r -> r.userId() == userId);
  }

  private Optional<User> remembered(String key, String name) {
    Remembered r = verified.getIfPresent(key);
    if (r == null) {
      return Optional.empty();
    }
    Optional<User> user =
        users
            .findByName(name)
            .filter(
                u ->
                    u.id() == r.userId()
                        && Secrets.constantTimeEquals(u.passwordHash(), r.passwordHash()));
    if (user.isEmpty()) {
      verified.invalidate(key);
    }
    return user;
  }

  private Optional<User> check(String name, String password) throws TimeoutException {
    Future<Optional<User>> result = pool.submit(() -> users.authenticatePassword(name, password));
    try {
      return result.get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      result.cancel(true);
      Thread.currentThread().interrupt();
      throw new TimeoutException("interrupted");
    } catch (TimeoutException e) {
      result.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }

  private String digest(String credentials) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(cacheKey);
      return HexFormat.of().formatHex(mac.doFinal(credentials.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  @PreDestroy
  void close() {
    pool.shutdownNow();
  }
}
