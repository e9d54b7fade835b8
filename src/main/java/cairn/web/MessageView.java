package cairn.web;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * Small pages: a confirmation, a "saved" page that closes the bookmarklet's popup, or the relay
 * that re-posts the bookmarklet's page data from Cairn's own origin.
 *
 * @param action where the page's form posts, if it has one
 * @param fields the form's hidden fields
 * @param closeAfterMillis close the popup window after this long; negative to keep it open
 */
public record MessageView(
    PageView page,
    String heading,
    String message,
    @Nullable String action,
    List<AccountViews.Hidden> fields,
    @Nullable String button,
    @Nullable String link,
    long closeAfterMillis) {}
