package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.TestStore;
import cairn.support.WebClient;
import cairn.support.WebClient.Page;
import cairn.support.WebTest;
import cairn.user.Logins;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AccountPagesTest extends WebTest {

  @Test
  void signingUpSignsInAndLeadsToYourPage() {
    WebClient browser = browser();
    String name = TestStore.uniqueName("new");
    Page done =
        browser.submit(
            browser.get("/signup"),
            "form#signup",
            Map.of("name", name, "password", PASSWORD, "password2", PASSWORD));
    assertEquals(303, done.status(), done.toString());
    assertTrue(done.location().startsWith("/u:" + name));
    Page home = browser.open("/");
    assertEquals(name, home.doc().selectFirst("header.top nav a").text());
  }

  @Test
  void aBadSignUpComesBackWithTheMessageAndTheNameTyped() {
    WebClient browser = browser();
    Page bad =
        browser.submit(
            browser.get("/signup"),
            "form#signup",
            Map.of("name", "Bad Name!", "password", PASSWORD, "password2", PASSWORD));
    assertEquals(400, bad.status());
    assertTrue(bad.doc().selectFirst(".errors").text().startsWith("name:"), bad.body());
    assertEquals("Bad Name!", bad.doc().selectFirst("input[name=name]").val());
    assertEquals("", bad.doc().selectFirst("input[name=password]").val(), "passwords never echo");

    Page mismatch =
        browser.submit(
            browser.get("/signup"),
            "form#signup",
            Map.of("name", "fine_name", "password", PASSWORD, "password2", "other password"));
    assertEquals(400, mismatch.status());
    assertTrue(mismatch.doc().selectFirst(".errors").text().contains("differ"));

    users.create("taken_name", PASSWORD);
    Page taken =
        browser.submit(
            browser.get("/signup"),
            "form#signup",
            Map.of("name", "taken_name", "password", PASSWORD, "password2", PASSWORD));
    assertEquals(400, taken.status());
    assertTrue(taken.doc().selectFirst(".errors").text().contains("taken_name"), taken.body());
  }

  @Test
  void aWrongPasswordComesBackAndRepeatedFailuresAreThrottled() {
    String name = users.create(TestStore.uniqueName("t"), PASSWORD).user().name();
    WebClient browser = browser();
    for (int i = 0; i < Logins.FAILURES_PER_ACCOUNT; i++) {
      Page wrong =
          browser.submit(
              browser.get("/login"), "form#login", Map.of("name", name, "password", "nope nope"));
      assertEquals(400, wrong.status());
      assertEquals("wrong user name or password", wrong.doc().selectFirst(".errors").text());
      assertEquals(name, wrong.doc().selectFirst("input[name=name]").val());
    }
    Page throttled =
        browser.submit(
            browser.get("/login"), "form#login", Map.of("name", name, "password", PASSWORD));
    assertEquals(429, throttled.status());
    assertTrue(throttled.doc().selectFirst(".errors").text().contains("try again in"));
  }

  @Test
  void loggingInReturnsToThePageAskedForAndLoggingOutEndsTheSession() {
    String name = users.create(TestStore.uniqueName("l"), PASSWORD).user().name();
    WebClient browser = browser();
    Page redirect = browser.get("/settings");
    assertEquals(303, redirect.status());
    Page form = browser.get(redirect.location());
    Page in = browser.submit(form, "form#login", Map.of("name", name, "password", PASSWORD));
    assertEquals("/settings", in.location());
    Page settings = browser.get("/settings");
    assertEquals(200, settings.status());

    Page out = browser.submit(settings, "header form[action=/logout]", Map.of());
    assertEquals(303, out.status());
    assertEquals(303, browser.get("/settings").status(), "signed out");
  }

  @Test
  void sessionCookiesAreHttpOnlyAndSameSite() throws Exception {
    String name = users.create(TestStore.uniqueName("c"), PASSWORD).user().name();
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> form =
        client.send(
            HttpRequest.newBuilder(server.getURI().resolve("/login")).build(),
            BodyHandlers.ofString());
    String csrfCookie = form.headers().firstValue("set-cookie").orElseThrow();
    assertTrue(csrfCookie.matches("(?i).*httponly.*"), csrfCookie);
    assertTrue(csrfCookie.contains("SameSite=Strict"), csrfCookie);
    String token = Jsoup.parse(form.body()).selectFirst("input[name=csrf]").val();
    String body = "name=" + name + "&password=" + PASSWORD.replace(" ", "+") + "&csrf=" + token;

    HttpResponse<String> withoutCookie = client.send(post(body, null), BodyHandlers.ofString());
    assertEquals(403, withoutCookie.statusCode(), "a token without its cookie is refused");

    HttpResponse<String> in =
        client.send(post(body, csrfCookie.split(";")[0]), BodyHandlers.ofString());
    assertEquals(303, in.statusCode(), in.body());
    String session = in.headers().firstValue("set-cookie").orElseThrow();
    assertTrue(session.startsWith("cairn_session="), session);
    assertTrue(session.matches("(?i).*httponly.*"), session);
    assertTrue(session.contains("SameSite=Lax"), session);
  }

  private HttpRequest post(String body, String cookie) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.getURI().resolve("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return request.build();
  }
}
