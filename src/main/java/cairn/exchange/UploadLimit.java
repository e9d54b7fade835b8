package cairn.exchange;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;

/**
 * The largest bookmark file the server takes ({@code cairn.import.max-upload-size}), checked from
 * the declared length before an upload is read and again on every byte while it is stored, so that
 * a body without a length (or with a false one) is cut off at the limit too.
 */
@Singleton
public final class UploadLimit {
  /** The setting, as it is named to people who hit it. */
  public static final String SETTING = "cairn.import.max-upload-size";

  /**
   * A multipart body is the file plus the form's few short fields and boundaries; a body longer
   * than the limit by more than this holds a file over the limit for sure.
   */
  public static final long MULTIPART_OVERHEAD = 64 * 1024;

  /**
   * How much of a refused body is read and thrown away before the refusal is sent. A server that
   * answers and closes while the client still sends makes the client's TCP stack reset the
   * connection, and the client never reads the 413 (the JDK's client reports "received no bytes");
   * reading the rest first lets the answer arrive. Past this bound the connection is closed anyway:
   * a client sending gigabytes gets a reset rather than tying up a thread.
   */
  static final long DRAIN_BOUND = 64L * 1024 * 1024;

  private final long bytes;

  UploadLimit(@Value("${" + SETTING + ":256MB}") @ReadableBytes long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException(SETTING + " must be more than 0 bytes; got " + bytes);
    }
    this.bytes = bytes;
  }

  public long bytes() {
    return bytes;
  }

  /** Refuses a raw body whose declared length (-1: not declared) is over the limit. */
  public void checkDeclared(long contentLength) {
    if (contentLength > bytes) {
      throw refusal(contentLength);
    }
  }

  /** Refuses a multipart body whose declared length (-1: none) holds a file over the limit. */
  public void checkDeclaredMultipart(long contentLength) {
    if (contentLength > bytes + MULTIPART_OVERHEAD) {
      throw refusal(contentLength);
    }
  }

  /**
   * The refusal of a body found over the limit, with the file's size when the declared length tells
   * it (near enough for a multipart body too: the form's fields around the file are a few hundred
   * bytes).
   */
  public UploadTooLargeException refusal(long contentLength) {
    return new UploadTooLargeException(contentLength > bytes ? contentLength : -1, bytes);
  }

  /**
   * Reads and discards what is left of a refused body, up to {@link #DRAIN_BOUND}, so that the
   * client reads the refusal instead of a reset connection; a failure to read is ignored, since the
   * refusal is the answer either way.
   */
  public static void drain(InputStream body) {
    try {
      long left = DRAIN_BOUND;
      byte[] buffer = new byte[64 * 1024];
      for (int n;
          left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // the connection broke or closed: nothing is left to drain
    }
  }

  /**
   * Raises the server's own request-size limit past this one, so that a limit set above it still
   * holds, and Cairn's check fires first with the size, the limit and what to do; the one setting
   * is all a user changes. (The framework's multipart limits do not apply: Cairn reads the uploads'
   * multipart bodies itself.)
   */
  @Singleton
  static final class Server implements BeanCreatedEventListener<HttpServerConfiguration> {
    private final UploadLimit limit;

    Server(UploadLimit limit) {
      this.limit = limit;
    }

    @Override
    public HttpServerConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration> event) {
      HttpServerConfiguration server = event.getBean();
      long above = Math.addExact(limit.bytes(), 2 * MULTIPART_OVERHEAD);
      server.setMaxRequestSize(Math.max(server.getMaxRequestSize(), above));
      return server;
    }
  }
}
