package cairn.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Slows down password guessing on every surface at once: after 5 failed log-ins for one account, or
 * 20 from one address, within 15 minutes, further attempts are refused (without checking the
 * password) until the bucket refills.
 *
 * <p>An attempt takes its token before the password is checked and gets it back when the password
 * was right, so concurrent guesses cannot all pass a check that only counted finished failures.
 */
@Singleton
final class LoginThrottle {
  static final int PER_ACCOUNT = 5;
  static final int PER_ADDRESS = 20;
  private static final Duration WINDOW = Duration.ofMinutes(15);

  private final Cache<String, Bucket> failures =
      Caffeine.newBuilder().expireAfterAccess(WINDOW).maximumSize(100_000).build();

  /**
   * Takes one attempt for the account and the address: empty if it may be tried now (then {@link
   * #refund} it unless it failed), else the seconds to wait.
   */
  OptionalLong reserve(String name, String address) {
    Bucket account = bucket("name " + name, PER_ACCOUNT);
    if (!account.tryConsume(1)) {
      return OptionalLong.of(waitFor(account));
    }
    Bucket from = bucket("addr " + address, PER_ADDRESS);
    if (!from.tryConsume(1)) {
      account.addTokens(1);
      return OptionalLong.of(waitFor(from));
    }
    return OptionalLong.empty();
  }

  /**
   * Gives back an attempt that was not a failed guess (the password was right, or never checked).
   */
  void refund(String name, String address) {
    bucket("name " + name, PER_ACCOUNT).addTokens(1);
    bucket("addr " + address, PER_ADDRESS).addTokens(1);
  }

  private static long waitFor(Bucket bucket) {
    long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    return Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1);
  }

  private Bucket bucket(String key, int capacity) {
    return failures.get(
        key,
        k ->
            Bucket.builder()
                .addLimit(
                    Bandwidth.builder().capacity(capacity).refillGreedy(capacity, WINDOW).build())
                .build());
  }
}
