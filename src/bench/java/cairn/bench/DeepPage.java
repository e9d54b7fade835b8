package cairn.bench;

import cairn.bench.Scenarios.Get;
import cairn.bench.Scenarios.Item;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * B10: page 50 of the most frequent tag's listing. Cairn pages by cursor, so the cursor of page 50
 * is found once by following "earlier" 49 times; then page 50 is asked again and again. The
 * plain-SQL design pages by OFFSET, as a simple service does.
 */
final class DeepPage {
  static final int PAGE = 50;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EARLIER = Pattern.compile("class=\"earlier\"[^>]*href=\"([^\"]+)\"");

  private DeepPage() {}

  static Item item(LoopbackHttp http, Item first) throws IOException {
    Get get = first.http();
    String target = get.target();
    for (int page = 1; page < PAGE; page++) {
      var answer = http.get(target, get.auth());
      if (answer.status() != 200) {
        throw new IOException(target + " answered " + answer.status());
      }
      target = earlier(get.target(), answer.text());
      if (target == null) {
        throw new IOException("the listing has fewer than " + PAGE + " pages");
      }
    }
    SqlQueries.Ask ask = first.ask();
    SqlQueries.Ask deep =
        new SqlQueries.Ask(
            ask.owner(),
            ask.ownView(),
            ask.tags(),
            ask.text(),
            ask.perPage(),
            (PAGE - 1) * ask.perPage());
    return new Item(new Get(target, get.auth()), sql -> sql.listing(deep), deep);
  }

  private static String earlier(String firstTarget, String body) throws IOException {
    if (firstTarget.startsWith("/api/")) {
      JsonNode cursor = JSON.readTree(body).get("earlier");
      if (cursor == null || cursor.isNull()) {
        return null;
      }
      String base = firstTarget.replaceAll("&cursor=[^&]*", "");
      return base + "&cursor=" + Scenarios.enc(cursor.asText());
    }
    Matcher m = EARLIER.matcher(body);
    return m.find() ? m.group(1).replace("&amp;", "&") : null;
  }
}
