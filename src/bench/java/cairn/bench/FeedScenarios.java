package cairn.bench;

import cairn.bench.QuerySets.Sample;
import cairn.bench.QuerySets.User;
import cairn.bench.Scenarios.Get;
import cairn.bench.Scenarios.Item;
import cairn.bench.Scenarios.Scenario;
import cairn.bench.SqlQueries.Ask;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The feed scenarios (issue 13): a feed reader polling the RSS feed of a user's tag listing, and
 * the Atom feed of everyone's tag listing, anonymously, 20 items each. The plain-SQL side answers
 * the same question the simple way: the page of matching shared bookmarks with their tags (no
 * total, no related tags, no XML), in process.
 */
final class FeedScenarios {
  private static final int ITEMS = 500;
  private static final String SURFACE = "feed (anonymous)";

  private FeedScenarios() {}

  static List<Scenario> reads(QuerySets q) {
    return List.of(
        new Scenario("F1", "RSS feed of user + 1–2 tags, 20 items", SURFACE, userTags(q)),
        new Scenario("F2", "Atom feed of everyone's tag, 20 items", SURFACE, everyoneTag(q)));
  }

  private static List<Item> userTags(QuerySets q) {
    return items(
        q,
        (s, r) -> {
          User u = q.owner(s);
          List<String> tags = Scenarios.pick(publicTags(s), 1 + r.nextInt(2), r);
          StringBuilder path = new StringBuilder("/feeds/rss/u:").append(u.name());
          tags.forEach(t -> path.append("/t:").append(Scenarios.enc(t)));
          Ask ask = new Ask(u.id(), false, tags, "", 20, 0);
          return new Item(new Get(path.toString(), null), sql -> sql.page(ask), ask);
        });
  }

  private static List<Item> everyoneTag(QuerySets q) {
    return items(
        q,
        (s, r) -> {
          List<String> tags = Scenarios.pick(publicTags(s), 1, r);
          Ask ask = new Ask(null, false, tags, "", 20, 0);
          String path = "/feeds/atom/t:" + Scenarios.enc(tags.get(0));
          return new Item(new Get(path, null), sql -> sql.page(ask), ask);
        });
  }

  private static List<String> publicTags(Sample s) {
    return s.tags().stream().filter(t -> !t.startsWith(".")).toList();
  }

  /** Items from shared samples with a public tag, deterministic for a given sample list. */
  private static List<Item> items(QuerySets q, ItemMaker make) {
    SplittableRandom random = new SplittableRandom(ITEMS);
    List<Sample> pool =
        q.samples.stream().filter(s -> s.shared() && !publicTags(s).isEmpty()).toList();
    List<Item> items = new ArrayList<>(ITEMS);
    for (int i = 0; i < ITEMS && !pool.isEmpty(); i++) {
      items.add(make.make(pool.get(i % pool.size()), random));
    }
    return items;
  }

  private interface ItemMaker {
    Item make(Sample s, SplittableRandom random);
  }
}
