package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cairn.support.WebTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ClosedSignupTest extends WebTest {
  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("cairn.signup", "closed");
    return properties;
  }

  @Test
  void aClosedServerShowsNoFormAndRefusesSignUps() {
    var page = browser().get("/signup");
    assertNull(page.doc().selectFirst("form#signup"));
    var forged =
        browser()
            .post("/signup", Map.of("name", "sneaky", "password", PASSWORD, "password2", PASSWORD));
    assertEquals(403, forged.status(), "no token: refused before anything else");
    var login = browser();
    var form = login.get("/login");
    var withToken =
        login.post(
            "/signup",
            Map.of(
                "name",
                "sneaky",
                "password",
                PASSWORD,
                "password2",
                PASSWORD,
                "csrf",
                form.doc().selectFirst("input[name=csrf]").val()));
    assertEquals(400, withToken.status());
    assertEquals(true, users.findByName("sneaky").isEmpty());
  }
}
