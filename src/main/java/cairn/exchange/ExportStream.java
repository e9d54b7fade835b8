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
 * An export read as a stream: when its buffer runs dry it writes the next chunk of bookmarks into
 * it (the header first, the footer last), so at most one chunk is held at a time.
 */
final class ExportStream extends InputStream {
  private final ExportWalk walk;
  private final String userName;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
  private final Writer text = new OutputStreamWriter(buffer, StandardCharsets.UTF_8);
  private final ExportWriter writer;
  private byte[] chunk = new byte[0];
  private int at;
  private boolean started;
  private boolean ended;

  ExportStream(ExportWalk walk, String userName, BookmarkFormat format) {
    this.walk = walk;
    this.userName = userName;
    try {
      this.writer = ExportWriter.of(format, text);
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
