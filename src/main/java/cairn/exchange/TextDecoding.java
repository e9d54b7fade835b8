package cairn.exchange;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of an export into text as readably as they allow.
 *
 * <p>Exports lie about their encoding: IE writes a BOM, old tools write Windows-1252 without saying
 * so, and some (Scuttle) encoded UTF-8 twice. {@link #reader} decides from a file's head: a
 * byte-order mark wins; then a declared charset, if the head is not valid UTF-8; else UTF-8, with
 * each byte that does not fit read as Windows-1252 (which maps every byte to something visible) or
 * as the declared single-byte charset. {@link #repair} undoes double encoding field by field.
 */
final class TextDecoding {
  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static final Pattern META_CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._-]+)", Pattern.CASE_INSENSITIVE);

  /** A UTF-8 lead byte read as Windows-1252, followed by a continuation byte read the same way. */
  private static final Pattern DOUBLE_ENCODED =
      Pattern.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u2122]");

  /** How much of a stream {@link #reader} looks at to choose an encoding. */
  private static final int HEAD_BYTES = 64 * 1024;

  private TextDecoding() {}

  /**
   * A reader over {@code in} that never holds more than its buffers: a byte-order mark decides;
   * else a charset declared in the head is used when the head is not valid UTF-8; else UTF-8, with
   * any stray byte read as the declared single-byte charset or Windows-1252.
   */
  static Reader reader(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, HEAD_BYTES);
    buffered.mark(HEAD_BYTES);
    byte[] head = buffered.readNBytes(HEAD_BYTES);
    buffered.reset();
    if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
      buffered.skipNBytes(2);
      return new InputStreamReader(
          buffered, head[0] == (byte) 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
    }
    if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
      buffered.skipNBytes(3);
    }
    Charset declared = declaredCharset(head);
    if (declared != null && !isUtf8Prefix(head)) {
      return new InputStreamReader(buffered, declared);
    }
    boolean singleByte = declared != null && declared.newEncoder().maxBytesPerChar() == 1;
    return new LenientUtf8Reader(buffered, singleByte ? declared : CP1252);
  }

  /** A supported charset other than UTF-8 named by a meta tag in the head, or null. */
  private static Charset declaredCharset(byte[] head) {
    String text = new String(head, 0, Math.min(head.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(text);
    if (!m.find()) {
      return null;
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    try {
      return name.equals("utf-8") || name.equals("utf8") || !Charset.isSupported(name)
          ? null
          : Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether the bytes are valid UTF-8, allowing a character cut off at their end. */
  private static boolean isUtf8Prefix(byte[] bytes) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    return !decoder.decode(ByteBuffer.wrap(bytes), out, false).isError();
  }

  /**
   * Undoes UTF-8 that was decoded as Windows-1252 and encoded again ({@code SÃ¤tze} → {@code
   * Sätze}); text that does not turn back into valid UTF-8 is returned unchanged.
   */
  static String repair(String text) {
    if (text.isEmpty() || !DOUBLE_ENCODED.matcher(text).find()) {
      return text;
    }
    CharsetEncoder encoder = CP1252.newEncoder();
    byte[] bytes = new byte[text.length()];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0xFF) {
        // covers Latin-1 decoding too, and the bytes Windows-1252 leaves undefined
        bytes[i] = (byte) c;
      } else if (encoder.canEncode(c)) {
        try {
          bytes[i] = encoder.encode(CharBuffer.wrap(new char[] {c})).get();
        } catch (CharacterCodingException e) {
          return text;
        }
      } else {
        return text;
      }
    }
    String fixed = strictUtf8(bytes);
    return fixed == null ? text : fixed;
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
