package cairn.web;

import io.micronaut.core.annotation.Nullable;

/** The settings page: preferences, API token, bookmarklets, password, invitations, leaving. */
public record SettingsView(
    PageView page,
    int perPage,
    boolean privateByDefault,
    String apiToken,
    String bookmarklet,
    String readLater,
    boolean invites,
    @Nullable String inviteLink,
    @Nullable String error,
    @Nullable String errorField,
    java.util.List<FeedLink> privateFeeds) {

  /**
   * The bookmarklets as escaped attribute values: jte blanks {@code javascript:} URLs in {@code
   * href} (rightly, for user data), so these two, which Cairn writes itself, are escaped here.
   */
  public String bookmarkletAttribute() {
    return attribute(bookmarklet);
  }

  public String readLaterAttribute() {
    return attribute(readLater);
  }

  private static String attribute(String value) {
    gg.jte.output.StringOutput out = new gg.jte.output.StringOutput();
    gg.jte.html.escape.Escape.htmlAttribute(value, out);
    return out.toString();
  }

  public java.util.List<Integer> pageSizes() {
    return cairn.input.PageSize.CHOICES;
  }
}
