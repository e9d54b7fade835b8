package cairn.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BookmarkletsTest {

  /** What the browser runs: the {@code javascript:} URL percent-decoded once. */
  private static String asRun(String bookmarklet) {
    return URLDecoder.decode(
        bookmarklet.substring("javascript:".length()).replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Test
  void theBaseGoesIntoTheCodeAsOneStringLiteral() {
    String code = asRun(Bookmarklets.save("https://cairn.example.org"));
    assertTrue(code.contains("b='https://cairn.example.org',"), code);
    assertTrue(code.contains("q.length<" + Bookmarklets.MAX_QUERY + ")"), code);
  }

  @Test
  void aBaseThatTriesToCloseTheStringStaysInsideItEvenOnceDecoded() {
    String code = asRun(Bookmarklets.save("http://a%27-alert(1)-%27"));
    assertTrue(code.contains("b='http://a%27-alert(1)-%27',"), code);
    code = asRun(Bookmarklets.save("http://a'-alert(1)-'"));
    assertTrue(code.contains("b='http://a\\'-alert(1)-\\'',"), code);
  }

  @Test
  void theReadLaterBookmarkletCarriesTheBaseAndTheKey() {
    String code = asRun(Bookmarklets.readLater("http://localhost:8080", "0123abcd"));
    assertTrue(
        code.contains("window.open('http://localhost:8080/readlater?k=0123abcd&url='"), code);
  }

  @Test
  void wordsOfTheTemplateInTheBaseAreNotTakenForPlaceholders() {
    String code = asRun(Bookmarklets.save("http://MAX.KEY"));
    assertTrue(code.contains("b='http://MAX.KEY',"), code);
  }
}
