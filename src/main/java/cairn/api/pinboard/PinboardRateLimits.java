package cairn.api.pinboard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Pinboard's documented limits, per user: one call every three seconds, posts/recent once a minute,
 * posts/all once every five minutes. Off unless {@code cairn.pinboard.rate-limits} is true.
 */
@Singleton
final class PinboardRateLimits {
  private final boolean enabled;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

  PinboardRateLimits(@Value("${cairn.pinboard.rate-limits:false}") boolean enabled) {
    this.enabled = enabled;
  }

  /** Takes a call for the user; empty if allowed, else the seconds to wait before retrying. */
  OptionalLong take(String user, String method) {
    if (!enabled) {
      return OptionalLong.empty();
    }
    Duration every =
        switch (method) {
          case "posts/all" -> Duration.ofMinutes(5);
          case "posts/recent" -> Duration.ofMinutes(1);
          default -> Duration.ofSeconds(3);
        };
    String family = method.equals("posts/all") || method.equals("posts/recent") ? method : "other";
    Bucket bucket =
        buckets.get(
            user + " " + family,
            k ->
                Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(1).refillIntervally(1, every).build())
                    .build());
    var probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(
        Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
  }
}
