package cairn.user;

/**
 * A user's page settings.
 *
 * @param perPage bookmarks per page on listings, one of 20/40/80/120/160
 * @param privateByDefault whether the add form starts with "private" ticked
 * @param bookmarkletKey the secret in the user's "read later" bookmarklet
 */
public record Preferences(int perPage, boolean privateByDefault, String bookmarkletKey) {}
