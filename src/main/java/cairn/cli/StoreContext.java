package cairn.cli;

import cairn.db.StoreOnly;
import io.micronaut.context.ApplicationContext;

/**
 * The application context for commands that only touch the store: no HTTP server, no index, so they
 * can run beside a server on the same data directory (SQLite in WAL mode takes both).
 */
final class StoreContext {
  private StoreContext() {}

  static ApplicationContext start() {
    return ApplicationContext.builder().environments(StoreOnly.ENVIRONMENT).start();
  }
}
