package cairn.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.CairnProcess;
import cairn.support.Http;
import cairn.support.TestStore;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A flood of wrong Basic passwords against the packaged jar: 16 clients, each from its own loopback
 * address, guess passwords of made-up accounts while a reader asks for {@code /recent}. The guesses
 * are throttled per address and hashed on a bounded pool, so the pages keep their pace and the
 * server's memory stays where it was.
 */
class PasswordFloodIT {
  private static final int FLOODERS = 16;
  private static final int PAGES = Integer.getInteger("cairn.flood.pages", 300);

  @Test
  void wrongPasswordsFromManyClientsLeaveThePagesAndTheMemoryAlone() throws Exception {
    Path home = TestStore.newDataDir();
    int port = CairnProcess.freePort();
    String token = CairnProcess.userAdd(home, "reader", "reader password");
    CairnProcess server = CairnProcess.start(home, port);
    try {
      URI base = URI.create("http://127.0.0.1:" + port);
      Http http = new Http(base);
      for (int i = 0; i < 60; i++) {
        http.json(
            "POST",
            "/api/v1/bookmarks",
            Http.bearer(token),
            "{\"url\": \"https://example.com/"
                + i
                + "\", \"tags\": \"t"
                + i % 7
                + "\", \"shared\": true}");
      }
      long pid = server.process().pid();
      pages(http, 100); // warm-up
      long[] quiet = pages(http, PAGES);
      long rssBefore = rssKb(pid, "VmRSS");

      AtomicBoolean stop = new AtomicBoolean();
      Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
      List<Thread> flood = new ArrayList<>();
      CountDownLatch started = new CountDownLatch(FLOODERS);
      for (int c = 0; c < FLOODERS; c++) {
        InetAddress from = InetAddress.getByName("127.0.0." + (10 + c));
        int client = c;
        flood.add(
            Thread.ofPlatform().start(() -> guess(base, from, client, stop, statuses, started)));
      }
      assertTrue(started.await(2, TimeUnit.MINUTES), "the flood never got an answer");
      long[] flooded = pages(http, PAGES);
      stop.set(true);
      for (Thread t : flood) {
        t.join(Duration.ofMinutes(2));
      }
      long rssPeak = rssKb(pid, "VmHWM");
      long rssAfter = rssKb(pid, "VmRSS");

      System.out.printf(
          "PasswordFloodIT /recent quiet p50 %.1f ms p95 %.1f ms; under the flood p50 %.1f ms"
              + " p95 %.1f ms; flood answers %s; RSS %d MB before, %d MB after, peak %d MB%n",
          quiet[PAGES / 2] / 1e6,
          quiet[PAGES * 95 / 100] / 1e6,
          flooded[PAGES / 2] / 1e6,
          flooded[PAGES * 95 / 100] / 1e6,
          statuses,
          rssBefore / 1024,
          rssAfter / 1024,
          rssPeak / 1024);
      assertTrue(
          statuses.keySet().stream().allMatch(s -> s == 401 || s == 429), statuses.toString());
      int checked = statuses.getOrDefault(401, new AtomicInteger()).get();
      assertTrue(
          checked <= FLOODERS * Logins.FAILURES_PER_ADDRESS,
          checked + " passwords checked, more than the addresses' limits allow");
      // generous bounds for a loaded machine; before the pool and the throttle the p95 was seconds
      long quietP95 = quiet[PAGES * 95 / 100];
      long floodP95 = flooded[PAGES * 95 / 100];
      assertTrue(
          floodP95 <= 2 * quietP95 + Duration.ofMillis(250).toNanos(),
          "p95 " + floodP95 / 1e6 + " ms under the flood against " + quietP95 / 1e6 + " ms");
      // one check at a time holds 19 MiB; the rest is the collector sizing its heap for the garbage
      // (before the pool, 877 concurrent checks took the RSS from 319 MB to 5,850 MB)
      assertTrue(
          rssPeak - rssBefore < 1024 * 1024,
          "RSS grew from " + rssBefore / 1024 + " MB to a peak of " + rssPeak / 1024 + " MB");
    } finally {
      server.stop();
    }
    server.assertNotLogged("ERROR");
  }

  /** {@code count} sequential page loads; their sorted durations in nanoseconds. */
  private static long[] pages(Http http, int count) {
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      assertEquals(200, http.get("/recent", null).status());
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static void guess(
      URI base,
      InetAddress from,
      int client,
      AtomicBoolean stop,
      Map<Integer, AtomicInteger> statuses,
      CountDownLatch started) {
    HttpClient http = HttpClient.newBuilder().localAddress(from).build();
    for (int i = 0; !stop.get(); i++) {
      String auth = Http.basic("nobody_" + client + "_" + i, "a wrong password " + i);
      try {
        int status =
            http.send(
                    HttpRequest.newBuilder(base.resolve("/api/v1/bookmarks"))
                        .header("Authorization", auth)
                        .build(),
                    BodyHandlers.discarding())
                .statusCode();
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        if (i == 0) {
          started.countDown();
        }
      } catch (Exception e) {
        statuses.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
      }
    }
  }

  private static long rssKb(long pid, String field) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new AssertionError(field + " not in /proc/" + pid + "/status");
  }
}
