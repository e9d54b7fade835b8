package cairn.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Someone else's web site for the bookmarklet to run on: plain HTML pages on 127.0.0.2, another
 * origin (and another site) than Cairn's {@code localhost}. Not 127.0.0.1: Micronaut's own check
 * for requests to localhost lets 127.0.0.1 through as local, which once hid that every other site
 * was refused.
 */
public final class TestSite implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, byte[]> pages = new ConcurrentHashMap<>();

  private TestSite(HttpServer server) {
    this.server = server;
  }

  private static final String HOST = "127.0.0.2"; // loopback too: Linux routes all of 127/8 there

  public static TestSite start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), 0), 0);
      TestSite site = new TestSite(server);
      server.createContext("/", site::serve);
      server.start();
      return site;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Publishes a page at {@code path} with this title and body (HTML); returns its address. */
  public String page(String path, String title, String bodyHtml) {
    String html =
        "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>"
            + title
            + "</title></head><body>"
            + bodyHtml
            + "</body></html>";
    pages.put(path, html.getBytes(StandardCharsets.UTF_8));
    return URI.create("http://" + HOST + ":" + server.getAddress().getPort() + path).toString();
  }

  /** Plain words, {@code length} characters, numbered so that nothing lost goes unnoticed. */
  public static String words(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < length; i++) {
      text.append(i == 0 ? "" : " ").append("stein").append(i).append(i % 13 == 0 ? " ä" : "");
    }
    return text.substring(0, length).strip();
  }

  private void serve(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] page = pages.get(exchange.getRequestURI().getPath());
      if (page == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, page.length);
      exchange.getResponseBody().write(page);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
