package cairn.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body read as it arrives: the short fields before the file are
 * collected, and the file is handed over as a stream that ends at its closing boundary, so that a
 * file of any size passes through one small buffer.
 *
 * <p>Cairn reads uploads itself because the framework's multipart binding holds a whole file part
 * in memory before the controller sees it (measured: a 54 MB part reached the controller only after
 * all of it had arrived). A body that ends before the file's closing boundary fails the file's
 * stream ({@link InvalidInputException} on {@code body}, or the connection's {@link IOException}):
 * a file cut short is never taken for a whole one.
 */
public final class MultipartForm {
  private static final int BUFFER = 64 * 1024;
  private static final int MAX_HEADERS = 16 * 1024;
  private static final Pattern BOUNDARY =
      Pattern.compile("(?i);\\s*boundary=(?:\"([^\"]{1,200})\"|([^;\\s]{1,200}))");
  private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
  private static final Pattern FILE_NAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");

  /** The fields before the file, and the file: its name and its bytes, read as they arrive. */
  public record Upload(Map<String, String> fields, String fileName, InputStream file) {}

  private final InputStream in;
  private final byte[] delimiter;
  private final byte[] buf = new byte[BUFFER];
  private int start;
  private int end;
  private boolean eof;

  private MultipartForm(InputStream in, String boundary) {
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    // the body's first boundary has no line break before it: pretend it had one
    buf[0] = '\r';
    buf[1] = '\n';
    end = 2;
  }

  /**
   * Reads the body up to the start of the part named {@code fileField} and returns it; throws
   * {@link InvalidInputException} on {@code body} when the body is no multipart form, and on {@code
   * fileField} when the form ends without that part.
   */
  public static Upload read(InputStream body, String contentType, String fileField)
      throws IOException {
    Matcher boundary = BOUNDARY.matcher(contentType == null ? "" : contentType);
    if (!boundary.find()) {
      throw new InvalidInputException("body", "must be multipart/form-data with a boundary");
    }
    String value = boundary.group(1) != null ? boundary.group(1) : boundary.group(2);
    return new MultipartForm(body, value).upload(fileField);
  }

  private Upload upload(String fileField) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    skipPart(); // the preamble, before the first boundary
    while (nextPart()) {
      String headers = readHeaders();
      String disposition = header(headers, "content-disposition");
      String name = group(NAME, disposition);
      if (fileField.equals(name)) {
        String fileName = group(FILE_NAME, disposition);
        return new Upload(fields, fileName == null ? "upload" : fileName, new PartStream());
      }
      fields.put(name == null ? "" : name, readField(name));
    }
    throw new InvalidInputException(fileField, "is required: the form has no file part");
  }

  /** After a boundary: true when a part follows, false at the closing {@code --}. */
  private boolean nextPart() throws IOException {
    require(2);
    if (buf[start] == '-' && buf[start + 1] == '-') {
      return false;
    }
    // the rest of the boundary line (transport padding, then CRLF)
    while (true) {
      require(1);
      if (buf[start++] == '\n') {
        return true;
      }
    }
  }

  /** A part's header lines, up to and without the empty line that ends them. */
  private String readHeaders() throws IOException {
    var headers = new ByteArrayOutputStream();
    int lineLength = 0;
    while (true) {
      require(1);
      byte b = buf[start++];
      if (b == '\n') {
        if (lineLength == 0) {
          return headers.toString(StandardCharsets.UTF_8);
        }
        lineLength = 0;
        headers.write('\n');
      } else if (b != '\r') {
        lineLength++;
        headers.write(b);
      }
      if (headers.size() > MAX_HEADERS) {
        throw new InvalidInputException("body", "a part's headers must be under 16 KiB");
      }
    }
  }

  private String readField(String name) throws IOException {
    var value = new ByteArrayOutputStream();
    try (PartStream part = new PartStream()) {
      byte[] chunk = new byte[4096];
      for (int n; (n = part.read(chunk)) >= 0; ) {
        value.write(chunk, 0, n);
        if (value.size() > TextLimits.MAX_TEXT_BYTES) {
          throw new InvalidInputException(
              name == null ? "body" : name, "must be at most 64 KiB before the file");
        }
      }
    }
    return value.toString(StandardCharsets.UTF_8);
  }

  private void skipPart() throws IOException {
    try (PartStream part = new PartStream()) {
      part.transferTo(OutputStream.nullOutputStream());
    }
  }

  private static InvalidInputException cutShort() {
    return new InvalidInputException(
        "body", "the form ended before its closing boundary: the upload was cut short");
  }

  private static String header(String headers, String name) {
    for (String line : headers.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
        return line.substring(colon + 1);
      }
    }
    return "";
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  /** Makes at least {@code n} bytes available from {@code start}, or fails: the body ended. */
  private void require(int n) throws IOException {
    while (end - start < n) {
      if (!fill()) {
        throw cutShort();
      }
    }
  }

  /** Reads more into the buffer, moving what is left to its front; false at the end. */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      start = 0;
    }
    int n = in.read(buf, end, buf.length - end);
    if (n < 0) {
      eof = true;
      return false;
    }
    end += n;
    return true;
  }

  private int indexOfDelimiter() {
    byte first = delimiter[0];
    for (int i = start, last = end - delimiter.length; i <= last; i++) {
      if (buf[i] == first && matchesAt(i)) {
        return i;
      }
    }
    return -1;
  }

  private boolean matchesAt(int i) {
    for (int j = 1; j < delimiter.length; j++) {
      if (buf[i + j] != delimiter[j]) {
        return false;
      }
    }
    return true;
  }

  /** One part's content: its bytes up to the next boundary, which it consumes at its end. */
  private final class PartStream extends InputStream {
    private boolean done;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int off, int len) throws IOException {
      if (done) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      while (true) {
        int at = indexOfDelimiter();
        // bytes before a possible delimiter's start are content for sure
        int safe = at >= 0 ? at : Math.max(start, end - delimiter.length + 1);
        if (safe > start) {
          int n = Math.min(len, safe - start);
          System.arraycopy(buf, start, into, off, n);
          start += n;
          return n;
        }
        if (at == start) {
          start += delimiter.length;
          done = true;
          return -1;
        }
        if (!fill()) {
          throw cutShort();
        }
      }
    }
  }
}
