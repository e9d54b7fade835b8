package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/\t/evil.example",
        "/\r/evil.example",
        "/\n/evil.example",
        "/\u000b/evil.example",
        "/\u0000",
        "/\u3000/evil.example",
        "/ /evil.example",
        "//evil.example",
        "/\\evil.example",
        "https://evil.example/",
        "evil.example",
        "/a\"b",
        "/a{b}",
        ""
      })
  void aNextThatIsNotAPlainPathOfThisSiteGoesToTheFallback(String next) {
    assertEquals("/fallback", Forms.localPath(next, "/fallback"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/u:jm/t:a%20b?per_page=40", "/recent", "/b/12/edit?next=%2Frecent"})
  void aPlainLocalPathIsKept(String next) {
    assertEquals(next, Forms.localPath(next, "/fallback"));
  }
}
