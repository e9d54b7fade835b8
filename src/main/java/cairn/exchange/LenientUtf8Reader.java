package cairn.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 as it streams in; each byte that is not part of valid UTF-8 is read in a
 * single-byte fallback charset instead (Windows-1252 by default), so a file that mixes the two, or
 * lies about its encoding, stays readable without being held in memory.
 */
final class LenientUtf8Reader extends Reader {
  private final InputStream in;
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final char[] fallback = new char[256];
  private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
  private final CharBuffer chars = CharBuffer.allocate(16 * 1024).flip();
  private boolean eof;

  LenientUtf8Reader(InputStream in, Charset fallbackCharset) {
    this.in = in;
    for (int b = 0; b < 256; b++) {
      fallback[b] = new String(new byte[] {(byte) b}, fallbackCharset).charAt(0);
    }
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (eof && !bytes.hasRemaining()) {
        return -1;
      }
      decodeMore();
    }
    int n = Math.min(length, chars.remaining());
    chars.get(buffer, offset, n);
    return n;
  }

  private void decodeMore() throws IOException {
    if (!eof) {
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }
    chars.clear();
    while (true) {
      CoderResult result = utf8.decode(bytes, chars, eof);
      if (result.isError()) {
        if (chars.remaining() < result.length()) {
          break;
        }
        for (int i = 0; i < result.length(); i++) {
          chars.put(fallback[bytes.get() & 0xFF]);
        }
      } else if (result.isUnderflow() && eof && bytes.hasRemaining()) {
        // a multi-byte sequence cut off by the end of the file
        while (bytes.hasRemaining() && chars.hasRemaining()) {
          chars.put(fallback[bytes.get() & 0xFF]);
        }
      } else {
        break;
      }
    }
    chars.flip();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
