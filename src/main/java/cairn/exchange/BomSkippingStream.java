package cairn.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/** An input stream without the UTF-8 byte-order mark that Windows tools put in front. */
final class BomSkippingStream extends PushbackInputStream {
  BomSkippingStream(InputStream in) throws IOException {
    super(in, 3);
    byte[] head = new byte[3];
    int n = readNBytes(head, 0, 3);
    boolean bom =
        n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
    if (!bom && n > 0) {
      unread(head, 0, n);
    }
  }
}
