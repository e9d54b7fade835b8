package cairn.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one keep-alive connection to {@code 127.0.0.1}: it writes a request,
 * reads the status, headers and body (Content-Length or chunked), and reconnects when the server
 * closes. Far lighter than a general client, so the load generator spends its two cores' share on
 * sending, not on itself. Loopback only, by construction.
 */
final class LoopbackHttp implements AutoCloseable {
  /** A response: status and body bytes (as text on request). */
  record Response(int status, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  LoopbackHttp(int port) {
    this.port = port;
  }

  Response get(String pathAndQuery, String authorization) throws IOException {
    return send("GET", pathAndQuery, authorization, null, null);
  }

  Response post(String path, String authorization, String contentType, String body)
      throws IOException {
    return send("POST", path, authorization, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  private Response send(
      String method, String target, String authorization, String contentType, byte[] body)
      throws IOException {
    StringBuilder head = new StringBuilder(256);
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1:");
    head.append(port).append("\r\nAccept: */*\r\n");
    if (authorization != null) {
      head.append("Authorization: ").append(authorization).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] request = head.toString().getBytes(StandardCharsets.UTF_8);
    for (int attempt = 0; ; attempt++) {
      try {
        connect();
        out.write(request);
        if (body != null) {
          out.write(body);
        }
        out.flush();
        return read();
      } catch (IOException e) {
        // a keep-alive connection the server closed: one fresh try, then give up
        close();
        if (attempt > 0) {
          throw e;
        }
      }
    }
  }

  private void connect() throws IOException {
    if (socket == null) {
      socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setTcpNoDelay(true);
      in = new BufferedInputStream(socket.getInputStream(), 65_536);
      out = socket.getOutputStream();
    }
  }

  private Response read() throws IOException {
    String status = line();
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String h = line(); !h.isEmpty(); h = line()) {
      String lower = h.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(h.substring(15).strip());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        close = true;
      }
    }
    byte[] body = chunked ? chunks() : in.readNBytes((int) Math.max(0, length));
    if (close) {
      close();
    }
    return new Response(code, body);
  }

  private byte[] chunks() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line();
      int n = Integer.parseInt(size.split(";", 2)[0].strip(), 16);
      if (n == 0) {
        while (!line().isEmpty()) {
          // trailers
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(n));
      line();
    }
  }

  private String line() throws IOException {
    StringBuilder s = new StringBuilder(64);
    for (int b; (b = in.read()) != -1; ) {
      if (b == '\n') {
        int end = s.length() > 0 && s.charAt(s.length() - 1) == '\r' ? s.length() - 1 : s.length();
        return s.substring(0, end);
      }
      s.append((char) b);
    }
    throw new IOException("connection closed" + (s.isEmpty() ? "" : " mid-line"));
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a dead connection: nothing to do
      }
      socket = null;
    }
  }
}
