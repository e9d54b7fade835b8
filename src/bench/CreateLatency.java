import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Sequential create latency over the JSON API: N POSTs on one keep-alive connection, after a warm-up
 * of N/10, each a new URL with tags, notes and a quote. Prints p50/p95/p99 and throughput.
 *
 * <p>Run (single-file source launch, JDK 25): {@code java src/bench/CreateLatency.java
 * http://127.0.0.1:8080 NAME:SECRET 1000}
 */
public class CreateLatency {
  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    String token = args[1];
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long run = System.nanoTime();
    for (int i = 0; i < n / 10; i++) {
      post(client, base, token, "warm-" + run + "-" + i);
    }
    long[] nanos = new long[n];
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      post(client, base, token, "m-" + run + "-" + i);
      nanos[i] = System.nanoTime() - t;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    System.out.printf(
        "creates=%d p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms throughput=%.0f/s%n",
        n, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos[n - 1] / 1e6, n / seconds);
  }

  private static void post(HttpClient client, URI base, String token, String slug) throws Exception {
    String body =
        "{\"url\": \"https://bench.example.com/" + slug + "\", \"title\": \"Bench " + slug
            + "\", \"notes\": \"notes for the benchmark\", \"quotes\": [\"a quoted passage\"],"
            + " \"tags\": \"bench distcomp papers\", \"shared\": true}";
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/v1/bookmarks"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
  }

  private static double ms(long[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] / 1e6;
  }
}
