package cairn.web;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The add and edit form, as typed (so a rejected form comes back exactly as it was sent).
 *
 * @param id the bookmark being edited, or {@code null} when adding
 * @param quotes the quotes, one text box each; the form shows one more, empty, to add another
 * @param existingHref where to edit the bookmark this URL is already saved as
 * @param completeHref where the tag box asks for completions
 * @param savedByOthers how many other people shared a save of this URL
 * @param urlHref the URL's page, when others saved it
 */
public record BookmarkFormView(
    PageView page,
    @Nullable Long id,
    String url,
    String title,
    String notes,
    List<String> quotes,
    String tags,
    boolean isPrivate,
    boolean unread,
    boolean popup,
    String next,
    @Nullable String error,
    @Nullable String errorField,
    @Nullable String existingHref,
    List<String> yourTags,
    List<String> othersTags,
    String completeHref,
    int savedByOthers,
    @Nullable String urlHref) {

  public String savedByText() {
    return "saved by " + savedByOthers + (savedByOthers == 1 ? " other" : " others");
  }

  String action() {
    return id == null ? "/add" : "/b/" + id + "/edit";
  }

  public String formAction() {
    return action();
  }

  /** Names of the quote boxes: quote0, quote1, …, and one spare. */
  public List<String> quoteBoxes() {
    return java.util.stream.IntStream.rangeClosed(0, quotes.size())
        .mapToObj(i -> i < quotes.size() ? quotes.get(i) : "")
        .toList();
  }

  public boolean hasError(String field) {
    return errorField != null && errorField.equals(field);
  }
}
