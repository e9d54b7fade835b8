package cairn.api;

import static cairn.support.Http.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.ApiTest;
import cairn.support.Http.Response;
import cairn.support.TestStore;
import cairn.user.AccountService;
import cairn.user.Logins;
import cairn.user.PreferencesService;
import cairn.user.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Passwords and secrets on the APIs: a remembered Basic log-in ends with the password or the
 * account, every surface shares one throttle, and concurrent guesses cannot pass it.
 */
@MicronautTest(transactional = false)
class CredentialsTest extends ApiTest {
  private static final String API = "/api/v1/bookmarks";
  private static final String PINBOARD = "/v1/posts/update?format=json";

  @Inject AccountService accounts;
  @Inject PreferencesService preferences;

  @Test
  void theOldPasswordStopsWorkingOnBothApisOnceItIsChanged() {
    User user = users.create(TestStore.uniqueName("pw"), "first password").user();
    String old = basic(user.name(), "first password");
    assertEquals(200, http.get(API, old).status());
    assertEquals(200, http.get(PINBOARD, old).status());

    accounts.changePassword(user, "first password", "second password");

    assertEquals(401, http.get(API, old).status());
    assertEquals(401, http.get(PINBOARD, old).status());
    assertEquals(200, http.get(API, basic(user.name(), "second password")).status());
  }

  @Test
  void aDeletedAccountsPasswordNeitherReadsNorWrites() {
    User user = users.create(TestStore.uniqueName("gone"), "gone password").user();
    String auth = basic(user.name(), "gone password");
    assertEquals(200, http.get(API, auth).status());

    accounts.delete(user, "gone password");

    assertEquals(401, http.get(API, auth).status());
    assertEquals(401, http.get(PINBOARD, auth).status());
    Response write = http.json("POST", API, auth, "{\"url\": \"https://example.com/ghost\"}");
    assertEquals(401, write.status(), write.body());
    assertEquals(
        401, http.get("/v1/posts/add?url=https://example.com/g&description=g", auth).status());
  }

  @Test
  void aNewTokenAlsoRenewsTheReadLaterKeyAndEndsRememberedLogIns() {
    User user = users.create(TestStore.uniqueName("key"), "key password").user();
    String key = preferences.getOrCreate(user.id()).bookmarkletKey();
    assertEquals(user.id(), preferences.findUserByBookmarkletKey(key).orElseThrow());

    accounts.regenerateToken(user);

    String renewed = preferences.get(user.id()).bookmarkletKey();
    assertNotEquals(key, renewed);
    assertTrue(preferences.findUserByBookmarkletKey(key).isEmpty());
    assertEquals(user.id(), preferences.findUserByBookmarkletKey(renewed).orElseThrow());

    accounts.changePassword(user, "key password", "other password");
    assertNotEquals(renewed, preferences.get(user.id()).bookmarkletKey());
  }

  @Test
  void wrongBasicPasswordsLockTheAccountOnEverySurfaceWith429AndRetryAfter() {
    User user = users.create(TestStore.uniqueName("lock"), "right password").user();
    for (int i = 0; i < Logins.FAILURES_PER_ACCOUNT; i++) {
      String path = i % 2 == 0 ? API : PINBOARD;
      assertEquals(401, http.get(path, basic(user.name(), "wrong " + i)).status(), path);
    }
    String right = basic(user.name(), "right password");
    for (String path : List.of(API, PINBOARD)) {
      Response locked = http.get(path, right);
      assertEquals(429, locked.status(), path + ": " + locked.body());
      long retry = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
      assertTrue(retry > 0, "Retry-After " + retry);
    }
    assertTrue(http.get(API, right).body().contains("too many failed log-ins"));
  }

  @Test
  void concurrentWrongPasswordsCheckNoMoreThanTheLimitAllows() throws Exception {
    User user = users.create(TestStore.uniqueName("many"), "right password").user();
    int tries = 24;
    List<Callable<Integer>> guesses = new ArrayList<>();
    for (int i = 0; i < tries; i++) {
      String auth = basic(user.name(), "guess " + i);
      guesses.add(() -> http.get(API, auth).status());
    }
    ExecutorService clients = Executors.newFixedThreadPool(tries);
    List<Integer> statuses = new ArrayList<>();
    try {
      for (Future<Integer> f : clients.invokeAll(guesses)) {
        statuses.add(f.get());
      }
    } finally {
      clients.shutdownNow();
    }
    long checked = statuses.stream().filter(s -> s == 401).count();
    long refused = statuses.stream().filter(s -> s == 429).count();
    assertEquals(Logins.FAILURES_PER_ACCOUNT, checked, statuses.toString());
    assertEquals(tries - checked, refused, statuses.toString());
  }

  @Test
  void basicCredentialsABrowserSendsForAnotherSiteAreNotTaken() {
    User user = users.create(TestStore.uniqueName("site"), "site password").user();
    String auth = basic(user.name(), "site password");
    for (String site : List.of("cross-site", "same-site")) {
      Response r =
          http.send(
              "GET",
              "/v1/posts/add?url=https://example.com/forged&description=f",
              auth,
              null,
              null,
              Map.of("Sec-Fetch-Site", site));
      assertEquals(401, r.status(), site + ": " + r.body());
    }
    Response own = http.send("GET", API, auth, null, null, Map.of("Sec-Fetch-Site", "same-origin"));
    assertEquals(200, own.status(), own.body());
    assertEquals(0, own.json().get("total").asInt());
  }
}
