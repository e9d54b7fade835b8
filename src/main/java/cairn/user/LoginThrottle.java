package cairn.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Slows down password guessing: after 5 failed log-ins for one account, or 20 from one address,
 * within 15 minutes, further attempts are refused (without checking the password) until the bucket
 * refills. Successful log-ins cost nothing.
 */
@Singleton
final class LoginThrottle {
  static final int PER_ACCOUNT = 5;
  static final int PER_ADDRESS = 20;
  private static final Duration WINDOW = Duration.ofMinutes(15);

  private final Cache<String, Bucket> failures =
      Caffeine.newBuilder().expireAfterAccess(WINDOW).maximumSize(100_000).build();

  /** Empty if a log-in may be tried now, else the seconds to wait. */
  OptionalLong check(String name, String address) {
    long wait =
        Math.max(waitFor("name " + name, PER_ACCOUNT), waitFor("addr " + address, PER_ADDRESS));
    return wait == 0 ? OptionalLong.empty() : OptionalLong.of(wait);
  }

  void failed(String name, String address) {
    bucket("name " + name, PER_ACCOUNT).tryConsume(1);
    bucket("addr " + address, PER_ADDRESS).tryConsume(1);
  }

  private long waitFor(String key, int capacity) {
    Bucket bucket = bucket(key, capacity);
    if (bucket.getAvailableTokens() > 0) {
      return 0;
    }
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
