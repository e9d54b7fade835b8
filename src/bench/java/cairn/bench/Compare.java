package cairn.bench;

import cairn.bench.Scenarios.Item;
import cairn.bench.Scenarios.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * Two builds side by side ({@code -Dbench.compareWith=OTHER.jar}: that jar against {@code
 * target/cairn.jar}), each on its own copy of the same store and index, the read scenarios asked of
 * each in alternating short rounds, so that both meet the same noise of a shared machine; then
 * p50/p95 per build over all rounds. Writes {@code target/bench/compare-D.md}.
 */
final class Compare {
  private static final int ROUNDS = 6;

  private Compare() {}

  static void run(Settings settings, Path root, Path before, Path after) throws Exception {
    Path saved = root.resolve("pristine").resolve("index");
    if (!Files.isDirectory(saved)) {
      throw new IllegalStateException(
          "run the benchmark once first: it saves the index compared on");
    }
    Path a = copy(root, "compare-a");
    Path b = copy(root, "compare-b");
    StringBuilder md =
        new StringBuilder(
            "# "
                + before.getFileName()
                + " (A) against "
                + after.getFileName()
                + " (B), "
                + settings.dataset().label()
                + "\n\n");
    md.append(
        String.format(
            "%d alternating rounds of %.1f s per build and scenario, one client; p50 / p95 ms over all rounds.%n%n",
            ROUNDS, settings.measure().toMillis() / 1e3 / ROUNDS));
    md.append(
        "| id | scenario | A p50 / p95 | B p50 / p95 | B ÷ A (p50) | others' CPU |\n|---|---|---|---|---|---|\n");
    try (CairnServer serverA =
            CairnServer.start(before, a.resolve("data"), "serve.log", settings.serverJvm());
        CairnServer serverB =
            CairnServer.start(after, b.resolve("data"), "serve.log", settings.serverJvm())) {
      Noise noise = new Noise(serverA.process.pid(), serverB.process.pid());
      QuerySets q = QuerySets.sample(a.resolve("data"), 2_000, 20_26L);
      List<Scenario> reads = new Scenarios(q, settings.surface()).reads();
      for (CairnServer s : List.of(serverA, serverB)) {
        burst(s, all(reads), settings.globalWarmup(), 2);
      }
      for (Scenario scenario : reads) {
        if (!settings.runs(scenario.id()) || scenario.maxRequests() != Long.MAX_VALUE) {
          continue;
        }
        System.out.println("Comparing " + scenario.id());
        List<long[]> sampleA = new ArrayList<>();
        List<long[]> sampleB = new ArrayList<>();
        Duration round = settings.measure().dividedBy(ROUNDS);
        noise.mark();
        for (int r = 0; r < ROUNDS; r++) {
          boolean aFirst = r % 2 == 0;
          sampleA.add(aFirst ? burst(serverA, scenario, round, 1) : null);
          sampleB.add(burst(serverB, scenario, round, 1));
          if (!aFirst) {
            sampleA.set(r, burst(serverA, scenario, round, 1));
          }
        }
        Stats sa = merged(sampleA);
        Stats sb = merged(sampleB);
        md.append(
            String.format(
                "| %s | %s | %s | %s | %s | %.2f |%n",
                scenario.id(),
                scenario.title(),
                Report.pair(sa),
                Report.pair(sb),
                Report.ratio(sb.p50() / sa.p50()),
                noise.others()));
      }
    }
    Path out = Path.of("target", "bench", "compare-" + settings.dataset().label() + ".md");
    Files.writeString(out, md);
    System.out.println(md);
  }

  private static Path copy(Path root, String name) throws IOException {
    Path run = root.resolve(name);
    Prepare.copyForRun(root, run);
    Prepare.copyTree(
        root.resolve("pristine").resolve("index"), run.resolve("data").resolve("index"));
    return run;
  }

  private static Scenario all(List<Scenario> reads) {
    List<Item> items =
        reads.stream()
            .filter(s -> s.maxRequests() == Long.MAX_VALUE)
            .flatMap(s -> s.items().stream())
            .toList();
    return new Scenario("warm-up", "all reads", "", items);
  }

  /** One round: latencies of {@code scenario} on {@code server} for {@code time}, after 0.3 s. */
  private static long[] burst(CairnServer server, Scenario scenario, Duration time, int clients)
      throws InterruptedException {
    List<Item> items = scenario.items();
    return Load.run(
            new Load.Plan<>(
                clients,
                Duration.ofMillis(300),
                time,
                Long.MAX_VALUE,
                20_26L,
                n -> new LoopbackHttp(server.port),
                (http, client) -> {
                  Item item = items.get(client.random.nextInt(items.size()));
                  if (http.get(item.http().target(), item.http().auth()).status() != 200) {
                    throw new IOException(item.http().target());
                  }
                }))
        .nanos();
  }

  private static Stats merged(List<long[]> rounds) {
    long[] all = rounds.stream().flatMapToLong(LongStream::of).toArray();
    return Stats.of(all, 0, 0, 1);
  }
}
