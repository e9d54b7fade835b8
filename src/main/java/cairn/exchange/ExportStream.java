package cairn.exchange;

import cairn.bookmark.Bookmark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Bookmarks written as they are read: when its buffer runs dry it takes the next chunk from its
 * source and writes it into the buffer (the header first, the footer last), so at most one chunk is
 * held at a time. An export and Pinboard's {@code posts/all} are answered this way.
 */
public final class ExportStream extends InputStream {
  /** Where the bookmarks come from, a chunk at a time. */
  @FunctionalInterface
  public interface Source {
    /** The next bookmarks, or an empty list when all have been handed out. */
    List<Bookmark> next();
  }

  private final Source walk;
  private final String userName;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
  private final Writer text = new OutputStreamWriter(buffer, StandardCharsets.UTF_8);
  private final ExportWriter writer;
  private byte[] chunk = new byte[0];
  private int at;
  private boolean started;
  private boolean ended;

  public ExportStream(Source walk, String userName, ExportWriter.Opener writer) {
    this.walk = walk;
    this.userName = userName;
    try {
      this.writer = writer.open(text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (at == chunk.length) {
      if (ended) {
        return -1;
      }
      fill();
    }
    int n = Math.min(len, chunk.length - at);
    System.arraycopy(chunk, at, b, off, n);
    at += n;
    return n;
  }

  private void fill() throws IOException {
    buffer.reset();
    if (!started) {
      writer.begin(userName);
      started = true;
    } else {
      List<Bookmark> next = walk.next();
      if (next.isEmpty()) {
        writer.end();
        ended = true;
      }
      for (Bookmark bookmark : next) {
        writer.write(bookmark);
      }
    }
    text.flush();
    chunk = buffer.toByteArray();
    at = 0;
  }
}
