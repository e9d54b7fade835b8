package cairn.note;

import java.time.Instant;

/**
 * One of a user's free-text notes (Pinboard's notes): an id of 20 hex characters, title and text.
 */
public record Note(String id, String title, String text, Instant created, Instant updated) {
  /** Pinboard's note hash: the first 20 hex characters of the SHA-1 of the text. */
  public String hash() {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-1")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest).substring(0, 20);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  /** The text's length in characters (code points), as Pinboard counts. */
  public int length() {
    return text.codePointCount(0, text.length());
  }
}
