package cairn.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HTTP/1.1 written byte by byte over a socket, for requests that well-behaved clients refuse to
 * send: raw percent escapes, control characters, any header value. One request per connection.
 */
public final class RawHttp {
  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  /** The status and the whole response (headers and body) as text. */
  public record Response(int status, String text) {}

  public Response send(String method, String target, Map<String, String> headers, byte[] body) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(120_000);
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.writeBytes(
          (method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
      request.writeBytes(("Host: localhost:" + port + "\r\n").getBytes(StandardCharsets.UTF_8));
      headers.forEach(
          (k, v) -> request.writeBytes((k + ": " + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
      if (body != null) {
        request.writeBytes(
            ("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      request.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.UTF_8));
      if (body != null) {
        request.writeBytes(body);
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.toByteArray());
      out.flush();
      InputStream in = socket.getInputStream();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int space = text.indexOf(' ');
      if (!text.startsWith("HTTP/1.") || space < 0 || text.length() < space + 4) {
        return new Response(-1, text);
      }
      return new Response(Integer.parseInt(text.substring(space + 1, space + 4)), text);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + target, e);
    }
  }
}
