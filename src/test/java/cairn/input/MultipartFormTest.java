package cairn.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultipartFormTest {
  private static final String TYPE = "multipart/form-data; boundary=XyZ";

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String form(String file) {
    return "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok\r\n"
        + "--XyZ\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\na b\r\n"
        + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.html\"\r\n"
        + "Content-Type: text/html\r\n\r\n"
        + file
        + "\r\n--XyZ--\r\n";
  }

  /** Hands out at most {@code step} bytes per read, so boundaries fall across reads. */
  private static InputStream trickle(byte[] body, int step) {
    return new ByteArrayInputStream(body) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, step));
      }
    };
  }

  @Test
  void theFieldsBeforeTheFileAreReadAndTheFileIsItsBytesUpToTheBoundaryAcrossReads()
      throws IOException {
    String safe = "<DL>\r\n--XY not the boundary\r\n-- XyZ nor this\r\n</DL>";
    for (int step : new int[] {1, 3, 7, 64 * 1024}) {
      var upload = MultipartForm.read(trickle(bytes(form(safe)), step), TYPE, "file");
      assertEquals(Map.of("csrf", "tok", "tags", "a b"), upload.fields());
      assertEquals("b.html", upload.fileName());
      assertEquals(safe, new String(upload.file().readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aQuotedBoundaryAndAPreambleAreRead() throws IOException {
    String body =
        "preamble\r\n--a b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx\r\n--a b--";
    var upload =
        MultipartForm.read(
            new ByteArrayInputStream(bytes(body)), "multipart/form-data; boundary=\"a b\"", "file");
    assertEquals("x", new String(upload.file().readAllBytes(), StandardCharsets.UTF_8));
    assertEquals("upload", upload.fileName());
  }

  @Test
  void aBodyCutShortBeforeTheFilesBoundaryFailsTheFileInsteadOfEndingIt() throws IOException {
    String body = form("<DL><DT>one");
    byte[] cut = bytes(body.substring(0, body.indexOf("one") + 3));
    var upload = MultipartForm.read(new ByteArrayInputStream(cut), TYPE, "file");
    var e = assertThrows(InvalidInputException.class, () -> upload.file().readAllBytes());
    assertTrue(e.rule().contains("cut short"), e.rule());
  }

  @Test
  void aFormWithoutTheFileOrWithoutABoundaryIsRefusedNamingTheField() {
    var noFile =
        assertThrows(
            InvalidInputException.class,
            () ->
                MultipartForm.read(
                    new ByteArrayInputStream(
                        bytes(
                            "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ--")),
                    TYPE,
                    "file"));
    assertEquals("file", noFile.field());
    var noBoundary =
        assertThrows(
            InvalidInputException.class,
            () -> MultipartForm.read(InputStream.nullInputStream(), "multipart/form-data", "file"));
    assertEquals("body", noBoundary.field());
  }

  /**
   * The file is handed on while the body is still arriving: after a megabyte of it has been read,
   * the body has been read hardly further (one buffer ahead), whatever the file's size.
   */
  @Test
  void theFileStreamsThroughOneSmallBufferWhateverItsSize() throws IOException {
    long size = 200L * 1024 * 1024;
    Counting body =
        new Counting(
            new SequenceInputStream(
                Collections.enumeration(
                    List.of(
                        new ByteArrayInputStream(
                            bytes(
                                "--XyZ\r\nContent-Disposition: form-data; name=\"file\";"
                                    + " filename=\"big\"\r\n\r\n")),
                        new Zeros(size),
                        new ByteArrayInputStream(bytes("\r\n--XyZ--\r\n"))))));
    var upload = MultipartForm.read(body, TYPE, "file");
    InputStream file = upload.file();
    assertEquals(1024 * 1024, file.readNBytes(1024 * 1024).length);
    assertTrue(body.count < 1024 * 1024 + 256 * 1024, "read ahead: " + body.count);
    long rest = file.transferTo(OutputStream.nullOutputStream());
    assertEquals(size, 1024 * 1024 + rest);
    assertArrayEquals(new byte[0], file.readAllBytes());
  }

  private static final class Zeros extends InputStream {
    private long left;

    Zeros(long size) {
      left = size;
    }

    @Override
    public int read() {
      return left-- > 0 ? 'z' : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      java.util.Arrays.fill(b, off, off + n, (byte) 'z');
      left -= n;
      return n;
    }
  }

  private static final class Counting extends InputStream {
    private final InputStream in;
    long count;

    Counting(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      count += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      count += Math.max(0, n);
      return n;
    }
  }
}
