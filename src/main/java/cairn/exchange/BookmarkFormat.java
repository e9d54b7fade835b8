package cairn.exchange;

import cairn.input.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The bookmark file formats Cairn imports, and how to tell them apart from a file's first bytes.
 * The first three are also export formats; browser profile files are only read.
 */
public enum BookmarkFormat {
  NETSCAPE("netscape", "text/html", "html", true),
  PINBOARD_JSON("pinboard-json", "application/json", "json", true),
  DELICIOUS_XML("delicious-xml", "application/xml", "xml", true),
  CHROME_JSON("chrome-json", "application/json", "json", false),
  FIREFOX_JSON("firefox-json", "application/json", "json", false);

  /** How many leading bytes {@link #detect} wants to see. */
  public static final int HEAD_BYTES = 8192;

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

  private final String id;
  private final String mediaType;
  private final String extension;
  private final boolean exportable;

  BookmarkFormat(String id, String mediaType, String extension, boolean exportable) {
    this.id = id;
    this.mediaType = mediaType;
    this.extension = extension;
    this.exportable = exportable;
  }

  /** Whether Cairn writes exports in this format. */
  public boolean exportable() {
    return exportable;
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

  /** The export format with this {@link #id}; throws naming {@code field} for any other name. */
  public static BookmarkFormat named(String field, String id) {
    for (BookmarkFormat format : values()) {
      if (format.exportable && format.id.equalsIgnoreCase(id.strip())) {
        return format;
      }
    }
    throw new InvalidInputException(
        field, "must be netscape, pinboard-json or delicious-xml; got '" + id + "'");
  }

  /** The format with this {@link #id}, export or not; throws naming {@code field} otherwise. */
  public static BookmarkFormat forImport(String field, String id) {
    for (BookmarkFormat format : values()) {
      if (format.id.equalsIgnoreCase(id.strip())) {
        return format;
      }
    }
    throw new InvalidInputException(
        field,
        "must be netscape, pinboard-json, delicious-xml, chrome-json or firefox-json; got '"
            + id
            + "'");
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
      // both browsers write these near the start: Chrome its "roots", Firefox its root's type
      if (text.contains("\"roots\"")) {
        return CHROME_JSON;
      }
      if (text.contains("\"text/x-moz-place")) {
        return FIREFOX_JSON;
      }
      throw refused(
          name, "it is JSON but neither a list of posts nor a Chrome or Firefox bookmarks file");
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
      case CHROME_JSON -> new ChromeJsonReader(foldersAsTags);
      case FIREFOX_JSON -> new FirefoxJsonReader(foldersAsTags, splitTagsOnSpaces);
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
            + " is not Netscape bookmark HTML, a Pinboard JSON or Delicious XML export, or a"
            + " Chrome or Firefox bookmarks file ("
            + why
            + ")");
  }
}
