package cairn.ops;

import cairn.search.IndexHealth;
import cairn.search.SearchIndex;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * The index's part of {@code GET /health}: {@code UP}; {@code DEGRADED} (still 200: listings are
 * answered, from what the index showed when it stopped taking changes in) with the reason; {@code
 * DOWN} (503) while listings cannot be answered. The details say which journal position listings
 * show and how many rows they are behind; no user data.
 */
@Singleton
@Requires(beans = SearchIndex.class)
final class IndexHealthIndicator implements HealthIndicator {
  /** Operational (a balancer keeps the node), but worse than UP in the aggregate. */
  static final HealthStatus DEGRADED =
      new HealthStatus(
          "DEGRADED", "listings answer, but new changes do not show in them", true, 500);

  private final SearchIndex index;

  IndexHealthIndicator(SearchIndex index) {
    this.index = index;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    IndexHealth health = index.health();
    HealthStatus status =
        switch (health.state()) {
          case UP -> HealthStatus.UP;
          case DEGRADED -> DEGRADED;
          case DOWN -> HealthStatus.DOWN;
        };
    Map<String, Object> details = new LinkedHashMap<>();
    if (health.reason() != null) {
      details.put("reason", health.reason());
    }
    details.put("journal_position_shown", health.visibleSeq());
    details.put("journal_rows_behind", health.behind());
    return Publishers.just(HealthResult.builder("index", status).details(details).build());
  }
}
