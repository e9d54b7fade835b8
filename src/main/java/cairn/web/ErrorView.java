package cairn.web;

/**
 * An error page: the status, a short title, what went wrong, and the way back (to where the visitor
 * can try again, when there is such a place).
 */
public record ErrorView(PageView page, int status, String message, String back, String backLabel) {
  /** Back to the form the request came from: settings for its forms, else the start page. */
  static ErrorView of(PageView page, int status, String message, String path) {
    if (path.startsWith("/settings/import")) {
      return new ErrorView(page, status, message, "/settings#import", "back to settings");
    }
    if (path.startsWith("/settings")) {
      return new ErrorView(page, status, message, "/settings", "back to settings");
    }
    return new ErrorView(page, status, message, "/", "back to Cairn");
  }
}
