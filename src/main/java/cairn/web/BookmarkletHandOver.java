package cairn.web;

import cairn.web.AccountViews.Hidden;
import io.micronaut.views.ModelAndView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bookmarklet's page data (URL, title, selection) on its way to the add form. Small pages
 * arrive as a GET; pages too long for a URL are POSTed from the page to {@code /add/popup}, where
 * the browser sends no SameSite cookie, so this relays them once more from Cairn's own origin, and
 * through the log-in form when needed. The data travels in form fields all the way: nothing is
 * lost, however long the selection.
 */
final class BookmarkletHandOver {
  static final List<String> FIELDS = List.of("url", "title", "quote", "notes", "tags");

  private BookmarkletHandOver() {}

  static List<Hidden> carried(Map<String, String> form) {
    List<Hidden> carried = new ArrayList<>();
    for (String name : FIELDS) {
      String value = form.get(name);
      if (value != null && !value.isEmpty()) {
        carried.add(new Hidden(name, value));
      }
    }
    return carried;
  }

  /** A page that posts the data again, from Cairn, to the popup's add form. */
  static ModelAndView<Map<String, Object>> relayPage(Visitor visitor, List<Hidden> carried) {
    List<Hidden> fields = new ArrayList<>(carried);
    fields.add(new Hidden("relayed", "1"));
    MessageView view =
        new MessageView(
            PageView.of("saving…", visitor).inPopup(true),
            "One moment…",
            "Opening the form.",
            "/add/popup",
            fields,
            "continue",
            null,
            -1);
    return new ModelAndView<>("relay", Map.of("v", view));
  }
}
