package cairn.feed;

import java.util.Locale;
import java.util.Optional;

/** The two kinds of feed every listing has, as they appear in {@code /feeds/KIND/…}. */
public enum FeedFormat {
  RSS("rss", "rss_2.0", "application/rss+xml", "RSS"),
  ATOM("atom", "atom_1.0", "application/atom+xml", "Atom");

  private final String pathName;
  private final String romeType;
  private final String mediaType;
  private final String label;

  FeedFormat(String pathName, String romeType, String mediaType, String label) {
    this.pathName = pathName;
    this.romeType = romeType;
    this.mediaType = mediaType;
    this.label = label;
  }

  /** The format named in a feed's path ({@code rss} or {@code atom}), if it is one. */
  public static Optional<FeedFormat> ofPath(String name) {
    for (FeedFormat format : values()) {
      if (format.pathName.equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** {@code rss} or {@code atom}: the path segment after {@code /feeds/}. */
  public String pathName() {
    return pathName;
  }

  /** The type the XML is served as (and {@code <link rel="alternate">} announces). */
  public String mediaType() {
    return mediaType;
  }

  /** How a link to it is labelled: RSS or Atom. */
  public String label() {
    return label;
  }

  String romeType() {
    return romeType;
  }
}
