package cairn.bench;

import cairn.bench.Scenarios.Item;
import cairn.bench.Scenarios.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The benchmark of BENCHMARKS.md, end to end: prepare the dataset (or reuse it), start {@code
 * target/cairn.jar} on a copy (its first start rebuilds the index: B12), restart it (B11), then run
 * each scenario closed-loop over HTTP and the same query set through the plain-SQL design, and
 * write {@code target/bench/report-D.md} and {@code .json}.
 *
 * <p>Run: {@code mvn -Pbench verify [-Dbench.dataset=D10k|D1M|D10M] [-Dbench.surface=api|pages]};
 * see {@link Settings} for the other knobs. Not part of {@code mvn verify}.
 */
public final class Bench {
  private static final long SEED = 20_26L;
  private static final Path OUT = Path.of("target", "bench");

  private final Settings settings;
  private final Path root;
  private final Path run;
  private final Report report;
  private final Targets targets;
  private Noise noise;

  private Bench(Settings settings) {
    this.settings = settings;
    this.root = OUT.resolve(settings.dataset().label());
    this.run = root.resolve("run");
    this.report = new Report(settings.dataset());
    this.targets = Targets.of(settings.dataset());
  }

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Settings settings = Settings.fromSystemProperties();
    String other = System.getProperty("bench.compareWith", "");
    if (!other.isBlank()) {
      Path root = OUT.resolve(settings.dataset().label());
      Compare.run(settings, root, Path.of(other).toAbsolutePath(), CairnServer.JAR);
    } else {
      new Bench(settings).run();
    }
    System.out.printf("Benchmark done in %d s%n", (System.nanoTime() - start) / 1_000_000_000);
    System.exit(0);
  }

  private void run() throws Exception {
    Dataset d = settings.dataset();
    Map<String, Object> prepared = Prepare.ensure(d, root, settings.files(), settings.regenerate());
    Prepare.copyForRun(root, run);
    Machine.describe(report, settings, prepared);
    Path data = run.resolve("data");
    long[] rebuilt = rebuildOrReuseIndex(data);
    try (CairnServer server = CairnServer.start(data, "serve.log", settings.serverJvm())) {
      noise = new Noise(server.process.pid());
      Thread.sleep(2_000);
      double idle = server.rssMB();
      QuerySets q = QuerySets.sample(data, 2_000, SEED);
      Scenarios scenarios = new Scenarios(q, settings.surface());
      Writes writes = new Writes(q);
      Mixed mixed = new Mixed(scenarios, writes);
      List<Scenario> reads = new java.util.ArrayList<>(scenarios.reads());
      reads.addAll(NetworkScenarios.of(data, q));
      reads.addAll(new SocialScenarios(q, run, settings.surface()).reads());
      warmUp(server, reads);
      for (Scenario s : reads) {
        if (settings.runs(s.id())) {
          latencyRow(server, s);
        }
      }
      if (settings.runs("B10")) {
        deepPage(server, scenarios);
      }
      if (settings.runs("B7")) {
        createRow(server, writes);
      }
      if (settings.runs("B9")) {
        mixedLoad(server, mixed);
      }
      double after = server.rssMB();
      Facts.footprint(report, targets, server, rebuilt, idle, after, prepared);
      if (settings.runs("B8")) {
        Facts.imports(report, targets, server, root, prepared);
      }
    }
    report.write(OUT);
    System.out.println(report.markdown());
  }

  /**
   * B12: the first start on the copied store has no index and rebuilds it; returns {bookmarks,
   * rebuild ms, start-up ms}. With {@code bench.reuseIndex} the index saved by an earlier run is
   * copied instead (null: not measured), which saves minutes when comparing builds on D1M.
   */
  private long[] rebuildOrReuseIndex(Path data) throws Exception {
    Path saved = root.resolve("pristine").resolve("index");
    if (settings.reuseIndex() && Files.isDirectory(saved)) {
      Prepare.copyTree(saved, data.resolve("index"));
      return null;
    }
    long[] rebuilt;
    try (CairnServer first = CairnServer.start(data, "serve-rebuild.log", settings.serverJvm())) {
      long[] logged = first.rebuild();
      rebuilt = logged == null ? null : new long[] {logged[0], logged[1], first.startupMillis};
    }
    Prepare.delete(saved);
    Prepare.copyTree(data.resolve("index"), saved);
    return rebuilt;
  }

  private void warmUp(CairnServer server, List<Scenario> reads) throws Exception {
    List<Item> items =
        reads.stream()
            .filter(s -> s.maxRequests() == Long.MAX_VALUE)
            .flatMap(s -> s.items().stream())
            .toList();
    Scenario all = new Scenario("warm-up", "all reads", "", items);
    cairn(server, all, 2, Duration.ZERO, settings.globalWarmup(), Long.MAX_VALUE);
  }

  private void latencyRow(CairnServer server, Scenario s) throws Exception {
    System.out.println("Measuring " + s.id() + ": " + s.title());
    quiet();
    Load.Result c = cairn(server, s, 1, settings.warmup(), settings.measure(), s.maxRequests());
    double noiseCairn = noise.others();
    noise.mark();
    Load.Result q =
        settings.sql() ? sql(s, 1, settings.warmup(), settings.measure(), s.maxRequests()) : null;
    double noiseSql = q == null ? Double.NaN : noise.others();
    report.rows.add(
        new Report.Row(
            s.id(),
            s.title(),
            s.surface(),
            c.stats(),
            q == null ? Stats.NONE : q.stats(),
            targets.of(s.id()),
            c.firstError(),
            q == null ? null : q.firstError(),
            noiseCairn,
            noiseSql));
  }

  /** Waits (boundedly) for other processes to calm down, then starts a noise interval. */
  private void quiet() throws InterruptedException {
    long waited = noise.awaitQuiet(0.25, settings.quietWait().toMillis());
    if (waited > 0) {
      System.out.printf("  (waited %.1f s for other processes to calm down)%n", waited / 1e3);
    }
    noise.mark();
  }

  private void deepPage(CairnServer server, Scenarios scenarios) throws Exception {
    Item page50;
    try (LoopbackHttp http = new LoopbackHttp(server.port)) {
      page50 = DeepPage.item(http, scenarios.b4User());
    }
    String title = "page " + DeepPage.PAGE + " (cursor) of the " + scenarios.userTopTitle();
    latencyRow(server, new Scenario("B10", title, scenarios.listingSurface(), List.of(page50)));
  }

  private void createRow(CairnServer server, Writes writes) throws Exception {
    System.out.println("Measuring B7: creates");
    quiet();
    Load.Result c =
        Load.run(
            new Load.Plan<>(
                1,
                settings.warmup(),
                settings.measure(),
                Long.MAX_VALUE,
                SEED,
                n -> new LoopbackHttp(server.port),
                (http, client) -> writes.create(http, client, true)));
    double noiseCairn = noise.others();
    noise.mark();
    Load.Result q =
        settings.sql()
            ? Load.run(
                new Load.Plan<>(
                    1,
                    settings.warmup(),
                    settings.measure(),
                    Long.MAX_VALUE,
                    SEED,
                    n -> sqlClient(),
                    (sql, client) -> writes.create(sql, client)))
            : null;
    double noiseSql = q == null ? Double.NaN : noise.others();
    Stats sqlStats = q == null ? Stats.NONE : q.stats();
    Stats post = c.extra().getOrDefault("post", Stats.NONE);
    report.rows.add(
        new Report.Row(
            "B7",
            "create (POST /api/v1/bookmarks)",
            "JSON API",
            post,
            sqlStats,
            targets.of("B7"),
            c.firstError(),
            q == null ? null : q.firstError(),
            noiseCairn,
            noiseSql));
    report.rows.add(
        new Report.Row(
            "B7v",
            "create, then a listing shows it (≤ 1 s)",
            "JSON API",
            c.stats(),
            sqlStats,
            new Targets.Latency(Double.NaN, Writes.VISIBLE_WITHIN_NANOS / 1e6),
            c.firstError(),
            null,
            noiseCairn,
            noiseSql));
  }

  private void mixedLoad(CairnServer server, Mixed mixed) throws Exception {
    for (int clients : settings.mixedClients()) {
      System.out.println("Measuring B9 with " + clients + " clients");
      quiet();
      Load.Result c =
          Load.run(
              new Load.Plan<>(
                  clients,
                  settings.mixedWarmup(),
                  settings.mixedMeasure(),
                  Long.MAX_VALUE,
                  SEED,
                  n -> new LoopbackHttp(server.port),
                  mixed::cairn));
      double noiseCairn = noise.others();
      noise.mark();
      Load.Result q =
          settings.sql()
              ? Load.run(
                  new Load.Plan<>(
                      clients,
                      settings.mixedWarmup(),
                      settings.mixedMeasure(),
                      Long.MAX_VALUE,
                      SEED,
                      n -> sqlClient(),
                      mixed::sql))
              : null;
      double noiseSql = q == null ? Double.NaN : noise.others();
      report.mixed.add(
          new Report.Level(
              clients,
              c.stats(),
              q == null ? Stats.NONE : q.stats(),
              c.firstError(),
              noiseCairn,
              noiseSql));
    }
    report.mixedVerdict = Facts.mixedVerdict(report.mixed, targets);
  }

  private Load.Result cairn(
      CairnServer server, Scenario s, int clients, Duration warmup, Duration measure, long max)
      throws InterruptedException {
    List<Item> items = s.items();
    return Load.run(
        new Load.Plan<>(
            clients,
            warmup,
            measure,
            max,
            SEED,
            n -> new LoopbackHttp(server.port),
            (http, client) -> {
              Item item = items.get(client.random.nextInt(items.size()));
              var answer = http.get(item.http().target(), item.http().auth());
              if (answer.status() != 200) {
                throw new IOException(
                    item.http().target() + " answered " + answer.status() + ": " + answer.text());
              }
            }));
  }

  private Load.Result sql(Scenario s, int clients, Duration warmup, Duration measure, long max)
      throws InterruptedException {
    List<Item> items = s.items();
    return Load.run(
        new Load.Plan<>(
            clients,
            warmup,
            measure,
            max,
            SEED,
            n -> sqlClient(),
            (sql, client) -> items.get(client.random.nextInt(items.size())).sql().run(sql)));
  }

  private SqlQueries sqlClient() {
    try {
      return new SqlQueries(SqlDesign.connect(run.resolve("sql.db")));
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
