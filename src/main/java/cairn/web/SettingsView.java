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
    @Nullable String errorField) {

  public java.util.List<Integer> pageSizes() {
    return cairn.search.Listing.PAGE_SIZES;
  }
}
