package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebOriginTest {

  @ParameterizedTest
  @CsvSource({
    "https://cairn.example.org, https://cairn.example.org",
    "HTTPS://Cairn.Example.ORG/, https://cairn.example.org",
    "https://cairn.example.org:443, https://cairn.example.org",
    "http://localhost:8080, http://localhost:8080",
    "http://localhost:80/, http://localhost",
    "https://cairn.example.org:8443, https://cairn.example.org:8443",
    "http://192.168.1.5:8080, http://192.168.1.5:8080",
    "'  http://[::1]:8080 ', http://[::1]:8080"
  })
  void aBaseUrlIsReducedToSchemeHostAndAPortOnlyWhenItIsNotTheDefault(String url, String base) {
    assertEquals(base, WebOrigin.ofBaseUrl(url).toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cairn.example.org",
        "//cairn.example.org",
        "ftp://cairn.example.org",
        "javascript:alert(1)",
        "https://cairn.example.org/cairn",
        "https://cairn.example.org/?x=1",
        "https://cairn.example.org#top",
        "https://me@cairn.example.org",
        "http://a%27-alert(1)-%27",
        "http://a'-alert(1)-'",
        "http://cairn example.org",
        ""
      })
  void aBaseUrlThatIsNotJustAnHttpOriginIsRefusedWithTheSettingAndTheValue(String url) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WebOrigin.ofBaseUrl(url));
    assertTrue(e.getMessage().startsWith("cairn.web.base-url"), e.getMessage());
    assertTrue(e.getMessage().endsWith("got '" + url + "'"), e.getMessage());
  }

  @Test
  void anOriginHeaderMatchesOnlyTheSameSchemeHostAndPort() {
    WebOrigin site = WebOrigin.ofBaseUrl("https://cairn.example.org");
    assertEquals(Optional.of(site), WebOrigin.ofHeader("https://cairn.example.org"));
    assertEquals(Optional.of(site), WebOrigin.ofHeader("https://CAIRN.example.org:443"));
    assertNotEquals(Optional.of(site), WebOrigin.ofHeader("http://cairn.example.org"));
    assertNotEquals(Optional.of(site), WebOrigin.ofHeader("https://cairn.example.org:8443"));
    assertNotEquals(Optional.of(site), WebOrigin.ofHeader("https://cairn.example.org.evil"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "", "chrome-extension://abc", "https://a.org/path", "%%"})
  void anOriginHeaderThatIsNoHttpOriginIsNobodysOrigin(String header) {
    assertEquals(Optional.empty(), WebOrigin.ofHeader(header));
  }
}
