package cairn.bench;

import cairn.bench.QuerySets.Sample;
import cairn.bench.QuerySets.User;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * B7: a bookmark created through the JSON API (or inserted by the plain-SQL design), each a new URL
 * with tags and notes from a sampled bookmark, owned by that bookmark's owner. On Cairn the request
 * is timed until a listing of the owner's newest bookmarks shows it; the POST alone is recorded as
 * series {@code post}.
 */
final class Writes {
  static final long VISIBLE_WITHIN_NANOS = 1_000_000_000L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final QuerySets q;
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final AtomicLong created = new AtomicLong();

  Writes(QuerySets q) {
    this.q = q;
  }

  /** A create through the API; with {@code untilVisible}, then the listing that shows it. */
  void create(LoopbackHttp http, Load.Client client, boolean untilVisible) throws IOException {
    Sample s = q.samples.get(client.random.nextInt(q.samples.size()));
    User u = q.owner(s);
    String url = url(client);
    String body =
        JSON.writeValueAsString(
            Map.of(
                "url",
                url,
                "title",
                "Created " + String.join(" ", s.words()),
                "notes",
                "made by the benchmark",
                "tags",
                String.join(" ", s.tags()),
                "shared",
                true));
    long t0 = System.nanoTime();
    var created = http.post("/api/v1/bookmarks", Scenarios.bearer(u), "application/json", body);
    client.record("post", System.nanoTime() - t0);
    if (created.status() != 201) {
      throw new IOException("create answered " + created.status() + ": " + created.text());
    }
    if (!untilVisible) {
      return;
    }
    String listing = "/api/v1/bookmarks?user=" + u.name() + "&per_page=20";
    while (true) {
      var page = http.get(listing, Scenarios.bearer(u));
      if (page.status() == 200 && page.text().contains(url)) {
        return;
      }
      if (System.nanoTime() - t0 > VISIBLE_WITHIN_NANOS) {
        throw new IOException("not in the listing within 1 s: " + url);
      }
    }
  }

  /** The same create in the plain-SQL design (visible at once: it has no index to wait for). */
  void create(SqlQueries sql, Load.Client client) throws SQLException {
    Sample s = q.samples.get(client.random.nextInt(q.samples.size()));
    sql.create(
        s.ownerId(),
        url(client),
        "Created " + String.join(" ", s.words()),
        "made by the benchmark",
        List.copyOf(s.tags()));
  }

  private String url(Load.Client client) {
    return "https://bench.example.org/"
        + run
        + "/"
        + client.number
        + "/"
        + created.incrementAndGet();
  }
}
