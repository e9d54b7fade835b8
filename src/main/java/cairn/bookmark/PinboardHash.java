package cairn.bookmark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Pinboard's {@code hash} of a bookmark: the MD5 of its URL exactly as saved, in lower-case hex.
 */
public final class PinboardHash {
  private PinboardHash() {}

  /**
   * Pinboard's {@code meta}: a signature that changes whenever the bookmark does (the MD5 of its id
   * and last change), the same in the API's replies and in the Pinboard JSON export.
   */
  public static String meta(Bookmark b) {
    return of(b.id() + ":" + b.updated().toEpochMilli());
  }

  public static String of(String url) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(url.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }
}
