package cairn.exchange;

import java.util.Locale;

/**
 * An upload over {@link UploadLimit}: refused whole, nothing of it kept or imported. Says how big
 * the file is (when known), the limit and its setting, and the ways around it.
 */
public class UploadTooLargeException extends RuntimeException {
  private final long size;
  private final long limit;

  /**
   * @param size the file's size as far as it is known: its declared length, or -1 when the upload
   *     was cut off at the limit without one
   */
  public UploadTooLargeException(long size, long limit) {
    super("file: " + rule(size, limit));
    this.size = size;
    this.limit = limit;
  }

  public long size() {
    return size;
  }

  public long limit() {
    return limit;
  }

  /** The field at fault, as the forms and the API name it. */
  public String field() {
    return "file";
  }

  /** The rule as a sentence for people: the size, the limit, and what to do. */
  public String rule() {
    return rule(size, limit);
  }

  private static String rule(long size, long limit) {
    String what = size < 0 ? "the file is over " + shown(limit) : "the file is " + shown(size);
    return what
        + "; the limit is "
        + shown(limit)
        + " ("
        + UploadLimit.SETTING
        + "); split the file, ask the administrator to raise the limit, or import it on the server"
        + " with `cairn import --user NAME FILE`";
  }

  /**
   * Sizes as people write them: megabytes from 1 MB, kilobytes or bytes below; a fraction is
   * rounded up, so that a file just over the limit never reads as the limit itself.
   */
  static String shown(long bytes) {
    long mb = 1024 * 1024;
    if (bytes >= mb) {
      return bytes % mb == 0
          ? bytes / mb + " MB"
          : String.format(Locale.ROOT, "%.1f MB", Math.ceil(bytes * 10.0 / mb) / 10);
    }
    if (bytes >= 1024) {
      return (bytes + 1023) / 1024 + " KB";
    }
    return bytes + " bytes";
  }
}
