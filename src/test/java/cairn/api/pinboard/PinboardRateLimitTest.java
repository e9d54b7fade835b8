package cairn.api.pinboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.Http;
import cairn.support.TestStore;
import cairn.user.UserService;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With rate limits on, Pinboard's documented limits apply per user and answer 429 + Retry-After.
 */
@MicronautTest(transactional = false)
class PinboardRateLimitTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject UserService users;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> props = new HashMap<>(TestStore.properties());
    props.put("cairn.pinboard.rate-limits", "true");
    return props;
  }

  @Test
  void aSecondCallWithinTheLimitIs429WithRetryAfterAndOtherUsersAreUnaffected() {
    Http http = new Http(server.getURI());
    String one = users.create(TestStore.uniqueName("limited"), "password-1").token();
    String two = users.create(TestStore.uniqueName("limited"), "password-2").token();
    assertEquals(200, http.get("/v1/posts/all?format=json&auth_token=" + one, null).status());
    var limited = http.get("/v1/posts/all?format=json&auth_token=" + one, null);
    assertEquals(429, limited.status());
    long retryAfter = Long.parseLong(limited.headers().firstValue("retry-after").orElseThrow());
    assertTrue(
        retryAfter > 60 && retryAfter <= 300, "posts/all waits up to five minutes: " + retryAfter);
    assertEquals("too many requests", limited.json().get("result_code").asText());
    assertEquals(200, http.get("/v1/posts/all?format=json&auth_token=" + two, null).status());
    assertEquals(200, http.get("/v1/tags/get?format=json&auth_token=" + one, null).status());
    assertEquals(429, http.get("/v1/tags/get?format=json&auth_token=" + one, null).status());
  }
}
