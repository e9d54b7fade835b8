package cairn.support;

import cairn.user.UserService;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of HTTP tests: each test class gets a server on its own fresh data directory and random
 * port, a raw client for it, and the user service to make accounts with.
 */
public abstract class ApiTest implements TestPropertyProvider {
  @Inject protected EmbeddedServer server;
  @Inject protected UserService users;
  protected Http http;

  @BeforeEach
  void connect() {
    if (http == null) {
      http = new Http(server.getURI());
    }
  }

  @Override
  public Map<String, String> getProperties() {
    return TestStore.properties();
  }
}
