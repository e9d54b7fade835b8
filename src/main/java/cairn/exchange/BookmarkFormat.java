package cairn.exchange;

import cairn.input.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The bookmark file formats Cairn imports, and how to tell them apart from a file's first bytes.
 */
public enum BookmarkFormat {
  NETSCAPE("netscape", "text/html", "html"),
  PINBOARD_JSON("pinboard-json", "application/json", "json"),
  DELICIOUS_XML("delicious-xml", "application/xml", "xml");

  /** How many leading bytes {@link #detect} wants to see. */
  public static final int HEAD_BYTES = 8192;

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

  private final String id;
  private final String mediaType;
  private final String extension;

  BookmarkFormat(String id, String mediaType, String extension) {
    this.id = id;
    this.mediaType = mediaType;
    this.extension = extension;
  }

  /** The media type of an export in this format (UTF-8 text). */
  public String mediaType() {
    return mediaType;
  }

  /** The file name extension of an export in this format, without the dot. */
  public String extension() {
    return extension;
  }

  /** The name users and URLs give the format: {@code netscape}, {@code pinboard-json}, … */
  public String id() {
    return id;
  }

  /** The format with this {@link #id}; throws naming {@code field} for any other name. */
  public static BookmarkFormat named(String field, String id) {
    for (BookmarkFormat format : values()) {
      if (format.id.equalsIgnoreCase(id.strip())) {
        return format;
      }
    }
    throw new InvalidInputException(
        field, "must be netscape, pinboard-json or delicious-xml; got '" + id + "'");
  }

  /**
   * Tells the format from the start of a file (up to {@link #HEAD_BYTES}); the name is only used in
   * the error. Throws {@link InvalidInputException} on field {@code file} when it is none of them.
   */
  public static BookmarkFormat detect(byte[] head, String fileName) {
    String name = fileName == null || fileName.isBlank() ? "the file" : "'" + fileName + "'";
    String text = headText(head).strip().toLowerCase(Locale.ROOT);
    if (text.isEmpty()) {
      throw refused(name, "it is empty");
    }
    if (text.startsWith("[")) {
      return PINBOARD_JSON;
    }
    if (text.startsWith("{")) {
      throw refused(
          name,
          "it is JSON but not a list of posts; Chrome and Firefox keep bookmarks as JSON like"
              + " this, so export them from the browser as HTML instead");
    }
    if (text.contains("<!doctype netscape")) {
      return NETSCAPE;
    }
    if (text.contains("<posts")) {
      return DELICIOUS_XML;
    }
    // no doctype: old and hand-edited exports still have the list and its entries
    if (text.contains("<dl") || text.contains("<dt") || text.contains("<a href")) {
      return NETSCAPE;
    }
    if (startsWith(head, PNG) || text.startsWith("%pdf") || text.indexOf('\0') >= 0) {
      throw refused(name, "it is a binary file, not text");
    }
    throw refused(name, "no bookmark list found at its start");
  }

  /** A reader for this format that keeps multi-word tags as one tag where commas separate tags. */
  public BookmarkReader reader(boolean foldersAsTags) {
    return reader(foldersAsTags, false);
  }

  /** A reader for this format with the folder and tag options of {@link ImportOptions}. */
  public BookmarkReader reader(boolean foldersAsTags, boolean splitTagsOnSpaces) {
    return switch (this) {
      case NETSCAPE -> new NetscapeReader(foldersAsTags, splitTagsOnSpaces);
      case PINBOARD_JSON -> new PinboardJsonReader(splitTagsOnSpaces);
      case DELICIOUS_XML -> new DeliciousXmlReader();
    };
  }

  private static String headText(byte[] head) {
    if (TextDecoding.startsWith(head, 0xFF, 0xFE) || TextDecoding.startsWith(head, 0xFE, 0xFF)) {
      return new String(head, StandardCharsets.UTF_16);
    }
    int from = TextDecoding.startsWith(head, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    // Latin-1 maps every byte to one char, so a cut-off multi-byte character cannot hide a marker
    return new String(head, from, head.length - from, StandardCharsets.ISO_8859_1);
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static InvalidInputException refused(String name, String why) {
    return new InvalidInputException(
        "file",
        "is not a bookmark file: "
            + name
            + " is not Netscape bookmark HTML, a Pinboard JSON export or a Delicious XML export ("
            + why
            + ")");
  }
}
