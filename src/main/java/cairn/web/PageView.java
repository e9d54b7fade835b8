package cairn.web;

import io.micronaut.core.annotation.Nullable;

/**
 * What the layout of every page needs.
 *
 * @param title the document title
 * @param viewer the signed-in user's name, or {@code null}
 * @param csrf the token for forms on the page (the sign-out button is on every page)
 * @param popup the bookmarklet's popup: no navigation chrome
 * @param notice a one-line message at the top (after a save, say), or {@code null}
 * @param refreshSeconds reload the page after this many seconds (a running import); 0 for never
 */
public record PageView(
    String title,
    @Nullable String viewer,
    String csrf,
    boolean popup,
    @Nullable String notice,
    int refreshSeconds) {

  static PageView of(String title, Visitor visitor) {
    return new PageView(title, visitor.name(), visitor.csrf(), false, null, 0);
  }

  PageView inPopup(boolean inPopup) {
    return new PageView(title, viewer, csrf, inPopup, notice, refreshSeconds);
  }

  PageView withNotice(@Nullable String message) {
    return new PageView(title, viewer, csrf, popup, message, refreshSeconds);
  }

  PageView refreshingEvery(int seconds) {
    return new PageView(title, viewer, csrf, popup, notice, seconds);
  }
}
