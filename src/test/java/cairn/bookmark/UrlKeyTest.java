package cairn.bookmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.input.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlKeyTest {

  @Test
  void theHashNamingAUrlPageIsTheMd5OfTheKeySoEverySpellingOfTheUrlHasIt() {
    String hash = UrlKey.of("http://example.org/a").hash();
    assertEquals(PinboardHash.of("http://example.org/a"), hash);
    assertEquals(hash, UrlKey.of("HTTP://EXAMPLE.org:80/a#x").hash());
    assertNotEquals(hash, UrlKey.of("https://example.org/a").hash());
    assertTrue(UrlKey.isHash(hash));
    assertFalse(UrlKey.isHash(hash.toUpperCase(java.util.Locale.ROOT)));
    assertFalse(UrlKey.isHash(hash.substring(1)));
    assertFalse(UrlKey.isHash("g" + hash.substring(1)));
    assertFalse(UrlKey.isHash(null));
  }

  @ParameterizedTest
  @CsvSource({
    "HTTP://Example.COM/Path, http://example.com/Path",
    "http://example.com, http://example.com/",
    "http://example.com:80/a, http://example.com/a",
    "https://example.com:443/a, https://example.com/a",
    "https://example.com:8443/a, https://example.com:8443/a",
    "ftp://ftp.example.com:21/pub, ftp://ftp.example.com/pub",
    "http://example.com/a#section, http://example.com/a",
    "http://example.com/a/./b/../c, http://example.com/a/c",
    "http://example.com/?, http://example.com/",
    "http://example.com./x, http://example.com/x",
    "http://example.com/%7e%2f, http://example.com/%7E%2F",
    "http://example.com/a b, http://example.com/a%20b",
    "http://example.com/ü, http://example.com/%C3%BC",
    "http://example.com/%C3%BC, http://example.com/%C3%BC",
    "http://example.com/a\u00A0b/, http://example.com/a%C2%A0b/",
    "http://example.com/a\u2003b, http://example.com/a%E2%80%83b",
    "http://example.com/100%, http://example.com/100%25",
    "http://example.com/a?b=1&a=2, http://example.com/a?b=1&a=2",
    "http://user@Example.com/, http://user@example.com/",
    "http://example.com:/a, http://example.com/a",
  })
  void normalizesWhatDoesNotChangeTheResource(String url, String key) {
    assertEquals(key, UrlKey.of(url).value());
  }

  @ParameterizedTest
  @CsvSource({
    "HTTP://Example.COM:8080/a?b#c, example.com",
    "https://user:pw@Sub.Example.org/, sub.example.org",
    "http://example.com, example.com",
    "http://[::1]:8080/x, [::1]",
    "http://[::1]/x, [::1]",
    "ftp://files.example.net:21/pub, files.example.net",
  })
  void theHostIsTheKeysHostWithoutUserInfoOrPort(String url, String host) {
    assertEquals(host, UrlKey.of(url).host());
  }

  @Test
  void pathCaseAndQueryOrderAreKept() {
    assertNotEquals(UrlKey.of("http://example.com/A"), UrlKey.of("http://example.com/a"));
    assertNotEquals(UrlKey.of("http://e.com/?a=1&b=2"), UrlKey.of("http://e.com/?b=2&a=1"));
  }

  @Test
  void schemesAreDistinct() {
    assertNotEquals(UrlKey.of("http://example.com/"), UrlKey.of("https://example.com/"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "JavaScript:alert(1)",
        "file:///etc/passwd",
        "mailto:a@example.com"
      })
  void otherSchemesAreRejected(String url) {
    var e = assertThrows(InvalidInputException.class, () -> UrlKey.of(url));
    assertEquals("url", e.field());
    assertTrue(e.rule().contains("is not allowed; use http, https or ftp"), e.rule());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "example.com",
        "/relative/path",
        "http:no-host",
        "http:///x",
        "http://"
      })
  void relativeEmptyOrHostlessUrlsAreRejected(String url) {
    var e = assertThrows(InvalidInputException.class, () -> UrlKey.of(url));
    assertEquals("url", e.field());
  }

  @Test
  void controlCharactersAreRejected() {
    assertThrows(InvalidInputException.class, () -> UrlKey.of("http://example.com/a\nb"));
  }

  @Test
  void nonNumericPortIsRejected() {
    var e = assertThrows(InvalidInputException.class, () -> UrlKey.of("http://example.com:abc/"));
    assertTrue(e.rule().contains("port"), e.rule());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://a.example:99999999999/", "https://a.example:65536/x"})
  void aPortPast65535IsRejectedNamingThePort(String url) {
    var e = assertThrows(InvalidInputException.class, () -> UrlKey.of(url));
    assertTrue(e.rule().contains("port over 65535"), e.rule());
  }

  @Test
  void theHighestPortIsAccepted() {
    assertEquals("http://a.example:65535/", UrlKey.of("http://a.example:65535/").value());
  }

  @Test
  void aLoneSurrogateIsRejectedWithItsPosition() {
    var e = assertThrows(InvalidInputException.class, () -> UrlKey.of("https://e.com/\ud800"));
    assertEquals("url", e.field());
    assertTrue(e.rule().contains("U+D800) at 14"), e.rule());
  }

  @Test
  void overlongUrlsAreRejected() {
    String url = "https://example.com/" + "a".repeat(UrlKey.MAX_URL_LENGTH);
    var e = assertThrows(InvalidInputException.class, () -> UrlKey.of(url));
    assertTrue(e.rule().contains("at most 8192 characters"), e.rule());
  }

  @Test
  void longButAllowedUrlsWork() {
    String url = "https://example.com/?q=" + "a".repeat(8000);
    assertTrue(UrlKey.of(url).value().endsWith("aaaa"));
  }
}
