package cairn.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A closed-loop load generator: N client threads, each with its own connection, send one request,
 * wait for the answer, send the next; first a warm-up whose requests are not recorded, then a
 * measured phase that ends after a fixed time or a fixed number of requests, whichever comes first.
 * Requests started in the measured phase are recorded whole. Everything stops by itself.
 */
final class Load {
  /** One client's view of the run: its random stream and a way to record extra timings. */
  static final class Client {
    final int number;
    final SplittableRandom random;
    private final Map<String, Series> extra = new HashMap<>();
    private boolean measuring;

    Client(int number, long seed) {
      this.number = number;
      this.random = new SplittableRandom(seed * 1_000_003L + number);
    }

    /** Records a timing beside the request's own, e.g. the POST inside a create-then-read. */
    void record(String series, long nanos) {
      if (measuring) {
        extra.computeIfAbsent(series, k -> new Series()).add(nanos);
      }
    }
  }

  /** One request of a client; a wrong answer is an exception (the first one is reported). */
  interface Request<C> {
    void send(C connection, Client client) throws Exception;
  }

  /** What to run: clients, phases, and how each client connects and sends. */
  record Plan<C extends AutoCloseable>(
      int clients,
      Duration warmup,
      Duration measure,
      long maxRequests,
      long seed,
      IntFunction<C> connect,
      Request<C> request) {}

  /** The run's stats, and any extra series the requests recorded. */
  record Result(Stats stats, Map<String, Stats> extra, String firstError, long[] nanos) {}

  private Load() {}

  static <C extends AutoCloseable> Result run(Plan<C> plan) throws InterruptedException {
    AtomicLong measured = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    List<Series> series = new ArrayList<>();
    List<Client> clients = new ArrayList<>();
    CountDownLatch ready = new CountDownLatch(plan.clients());
    CountDownLatch go = new CountDownLatch(1);
    long[] window = new long[2];
    List<Thread> threads = new ArrayList<>();
    for (int n = 0; n < plan.clients(); n++) {
      Client client = new Client(n, plan.seed());
      Series own = new Series();
      clients.add(client);
      series.add(own);
      threads.add(
          Thread.ofPlatform()
              .name("bench-client-" + n)
              .start(
                  () -> loop(plan, client, own, measured, errors, firstError, ready, go, window)));
    }
    ready.await();
    long start = System.nanoTime();
    window[0] = start + plan.warmup().toNanos();
    window[1] = window[0] + plan.measure().toNanos();
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (Math.min(System.nanoTime(), lastEnd(series, window)) - window[0]) / 1e9;
    long[] all = series.stream().flatMapToLong(s -> Arrays.stream(s.values())).toArray();
    Map<String, Stats> extra = new HashMap<>();
    Map<String, List<long[]>> byName = new HashMap<>();
    clients.forEach(
        c ->
            c.extra.forEach(
                (k, v) -> byName.computeIfAbsent(k, x -> new ArrayList<>()).add(v.values())));
    byName.forEach(
        (k, v) ->
            extra.put(
                k,
                Stats.of(
                    v.stream().flatMapToLong(Arrays::stream).toArray(),
                    0,
                    seconds,
                    plan.clients())));
    return new Result(
        Stats.of(all, errors.get(), seconds, plan.clients()), extra, firstError.get(), all);
  }

  private static long lastEnd(List<Series> series, long[] window) {
    long end = window[0];
    for (Series s : series) {
      end = Math.max(end, s.lastEnd);
    }
    return end;
  }

  private static <C extends AutoCloseable> void loop(
      Plan<C> plan,
      Client client,
      Series own,
      AtomicLong measured,
      AtomicLong errors,
      AtomicReference<String> firstError,
      CountDownLatch ready,
      CountDownLatch go,
      long[] window) {
    try (C connection = plan.connect().apply(client.number)) {
      ready.countDown();
      go.await();
      while (true) {
        long t0 = System.nanoTime();
        if (t0 >= window[1]) {
          return;
        }
        boolean measuring = t0 >= window[0];
        if (measuring && measured.incrementAndGet() > plan.maxRequests()) {
          return;
        }
        client.measuring = measuring;
        boolean ok = true;
        try {
          plan.request().send(connection, client);
        } catch (Exception e) {
          ok = false;
          firstError.compareAndSet(null, e.toString());
        }
        long t1 = System.nanoTime();
        if (measuring) {
          own.add(t1 - t0);
          own.lastEnd = t1;
          if (!ok) {
            errors.incrementAndGet();
          }
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("client " + client.number + " failed", e);
    }
  }

  /** A growable array of nanosecond samples, owned by one thread. */
  static final class Series {
    private long[] values = new long[1024];
    private int size;
    volatile long lastEnd;

    void add(long nanos) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = nanos;
    }

    long[] values() {
      return Arrays.copyOf(values, size);
    }
  }
}
