package cairn.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed reader nobody here wrote: the npm package {@code feedparser} (installed from the registry
 * into {@code target/} at test time), run by Node on feed URLs of a running Cairn. Each feed comes
 * back as what the parser understood: {@code status}, {@code type} (rss or atom), {@code meta}
 * (title, link, description) and {@code items} (title, link, description, author, categories, guid,
 * pubdate and date as ISO instants).
 */
public final class FeedReader {
  private static final String PACKAGE = "feedparser@2.6.0";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final NodePackages npm;
  private final String base;

  private FeedReader(NodePackages npm, URI server) {
    this.npm = npm;
    this.base = server.toString().replaceAll("/$", "");
  }

  public static FeedReader start(URI server) throws IOException, InterruptedException {
    return new FeedReader(NodePackages.install("npm-feedparser", PACKAGE), server);
  }

  /** Each path's feed as the parser read it, in order; a feed it cannot parse fails the test. */
  public List<JsonNode> read(String... paths) throws IOException, InterruptedException {
    List<String> urls = new ArrayList<>();
    for (String path : paths) {
      urls.add(path.startsWith("http") ? path : base + path);
    }
    JsonNode all = JSON.readTree(npm.output("/feed/parse-feed.js", urls, 120));
    List<JsonNode> feeds = new ArrayList<>();
    all.forEach(feeds::add);
    return feeds;
  }

  public JsonNode read(String path) throws IOException, InterruptedException {
    return read(new String[] {path}).get(0);
  }

  /** The items' values of one field, in order ({@code title}, {@code link}, …). */
  public static List<String> values(JsonNode feed, String field) {
    List<String> values = new ArrayList<>();
    feed.get("items").forEach(item -> values.add(item.path(field).asText(null)));
    return values;
  }

  public static List<String> categories(JsonNode item) {
    List<String> tags = new ArrayList<>();
    item.get("categories").forEach(c -> tags.add(c.asText()));
    return tags;
  }
}
