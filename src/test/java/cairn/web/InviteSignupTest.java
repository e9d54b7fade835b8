package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.TestStore;
import cairn.support.WebClient;
import cairn.support.WebClient.Page;
import cairn.support.WebTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class InviteSignupTest extends WebTest {
  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("cairn.signup", "invite");
    return properties;
  }

  private Page signUp(WebClient browser, String path, String name) {
    return browser.submit(
        browser.get(path),
        "form#signup",
        Map.of("name", name, "password", PASSWORD, "password2", PASSWORD));
  }

  @Test
  void signingUpNeedsAnInvitationThatWorksOnce() {
    WebClient stranger = browser();
    Page refused = signUp(stranger, "/signup", TestStore.uniqueName("s"));
    assertEquals(400, refused.status());
    assertTrue(refused.doc().selectFirst(".errors").text().startsWith("invite:"), refused.body());

    Account host = account("host");
    Page settings = host.browser().get("/settings");
    Page invited = host.browser().submit(settings, "form[action=/settings/invite]", Map.of());
    String link = invited.doc().selectFirst("code.invite-link").text();
    String path = URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery();

    Page welcome = signUp(browser(), path, TestStore.uniqueName("guest"));
    assertEquals(303, welcome.status(), welcome.toString());
    Page again = signUp(browser(), path, TestStore.uniqueName("guest"));
    assertEquals(400, again.status(), "an invitation works once");
  }
}
