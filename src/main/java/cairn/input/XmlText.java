package cairn.input;

/**
 * The one escaping of text written into XML by hand (Pinboard's XML replies, the Delicious XML
 * export): markup characters as entities, line breaks and tabs as character references so that an
 * attribute keeps them (a parser turns a raw line break in an attribute into a space), and the
 * characters XML 1.0 cannot hold left out (see {@link TextLimits#withoutControls}).
 */
public final class XmlText {
  private XmlText() {}

  /** Escapes for attribute values and text alike; drops what XML 1.0 cannot represent. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\n' -> out.append("&#10;");
        case '\r' -> out.append("&#13;");
        case '\t' -> out.append("&#9;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (c >= 0x20 && c <= 0xFFFD && !Character.isSurrogate(c)) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
