package cairn.bench;

import cairn.bench.Scenarios.Item;
import cairn.bench.Scenarios.Scenario;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * B9's mix, the same on both sides: 85 % reads (25 % B1 user pages, 35 % B2 intersections, 25 % B5
 * text), 10 % Pinboard API (B6 recent, all-page, get), 5 % creates (B7, without the read-back).
 */
final class Mixed {
  private final List<Item> userPages = new ArrayList<>();
  private final List<Item> intersections = new ArrayList<>();
  private final List<Item> text = new ArrayList<>();
  private final List<Item> pinboard = new ArrayList<>();
  private final Writes writes;

  Mixed(Scenarios scenarios, Writes writes) {
    this.writes = writes;
    for (Scenario s : scenarios.reads()) {
      switch (s.id()) {
        case "B1" -> userPages.addAll(s.items());
        case "B2" -> intersections.addAll(s.items());
        case "B5" -> text.addAll(s.items());
        case "B6r", "B6a", "B6g" -> pinboard.addAll(s.items());
        default -> {}
      }
    }
  }

  void cairn(LoopbackHttp http, Load.Client client) throws IOException {
    Item item = pick(client);
    if (item == null) {
      writes.create(http, client, false);
      return;
    }
    var answer = http.get(item.http().target(), item.http().auth());
    if (answer.status() != 200) {
      throw new IOException(item.http().target() + " answered " + answer.status());
    }
  }

  void sql(SqlQueries sql, Load.Client client) throws Exception {
    Item item = pick(client);
    if (item == null) {
      writes.create(sql, client);
    } else {
      item.sql().run(sql);
    }
  }

  /** The next read, or null for a write. */
  private Item pick(Load.Client client) {
    int r = client.random.nextInt(100);
    List<Item> from =
        r < 25 ? userPages : r < 60 ? intersections : r < 85 ? text : r < 95 ? pinboard : null;
    return from == null ? null : from.get(client.random.nextInt(from.size()));
  }
}
