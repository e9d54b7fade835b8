package cairn;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The one clock every service reads "now" from, so tests can pin time. */
@Factory
class Clocks {
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
