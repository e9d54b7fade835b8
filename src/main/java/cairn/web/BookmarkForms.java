package cairn.web;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkDraft;
import cairn.bookmark.BookmarkPatch;
import cairn.bookmark.UrlKey;
import cairn.browse.ListingService;
import cairn.browse.TagSuggestions;
import cairn.input.InvalidInputException;
import cairn.tag.TagList;
import cairn.user.PreferencesService;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the add/edit form into a draft or patch, and builds the form's view: pre-filled from a
 * bookmark, from the bookmarklet, or from what was just typed, with tag suggestions.
 */
@Singleton
final class BookmarkForms {
  private final TagSuggestions suggestions;
  private final PreferencesService preferences;
  private final ListingService listings;

  BookmarkForms(
      TagSuggestions suggestions, PreferencesService preferences, ListingService listings) {
    this.suggestions = suggestions;
    this.preferences = preferences;
    this.listings = listings;
  }

  /** The form as sent: every field as typed. */
  record Input(
      String url,
      String title,
      String notes,
      List<String> quotes,
      String tags,
      boolean isPrivate,
      boolean unread,
      boolean popup,
      String next) {

    static Input of(Map<String, String> form) {
      List<String> quotes = new ArrayList<>();
      for (int i = 0; i <= BookmarkDraft.MAX_QUOTES + 1; i++) {
        String quote = form.get("quote" + i);
        if (quote != null && !quote.isBlank()) {
          quotes.add(quote);
        }
      }
      return new Input(
          Forms.field(form, "url").strip(),
          Forms.field(form, "title"),
          Forms.field(form, "notes"),
          quotes,
          Forms.field(form, "tags"),
          Forms.checked(form, "private"),
          Forms.checked(form, "unread"),
          Forms.checked(form, "popup"),
          Forms.field(form, "next"));
    }

    BookmarkDraft draft() {
      requireUrl();
      return new BookmarkDraft(
          url, title, notes, quotes, TagList.parse(tags), !isPrivate, unread, null);
    }

    BookmarkPatch patch() {
      requireUrl();
      return new BookmarkPatch(
          url, title, notes, quotes, TagList.parse(tags), !isPrivate, unread, null);
    }

    private void requireUrl() {
      if (url.isEmpty()) {
        throw new InvalidInputException("url", "is required");
      }
    }
  }

  /** A fresh add form for the user, pre-filled with whatever came along. */
  Input blank(long userId, String url, String title, String quote, String notes, String tags) {
    return new Input(
        url,
        title,
        notes,
        quote.isBlank() ? List.of() : List.of(quote),
        tags,
        preferences.get(userId).privateByDefault(),
        false,
        false,
        "");
  }

  Input of(Bookmark b, String extraQuote) {
    List<String> quotes = new ArrayList<>(b.quotes().stream().map(Bookmark.Quote::text).toList());
    if (!extraQuote.isBlank() && !quotes.contains(extraQuote)) {
      quotes.add(extraQuote);
    }
    return new Input(
        b.url(),
        b.title(),
        b.notes(),
        quotes,
        String.join(" ", b.tags()),
        !b.shared(),
        b.toread(),
        false,
        "");
  }

  BookmarkFormView view(
      Visitor visitor,
      @Nullable Long id,
      Input in,
      boolean popup,
      @Nullable InvalidInputException error,
      @Nullable String existingHref) {
    String title = id == null ? "add a bookmark" : "edit bookmark";
    int others = in.url().isEmpty() ? 0 : listings.savedByOthers(visitor.id(), in.url());
    return new BookmarkFormView(
        PageView.of(title, visitor).inPopup(popup),
        id,
        in.url(),
        in.title(),
        in.notes(),
        in.quotes(),
        in.tags(),
        in.isPrivate(),
        in.unread(),
        popup,
        in.next(),
        error == null ? null : message(error),
        error == null ? null : boxOf(error.field()),
        existingHref,
        suggest(() -> suggestions.recommended(visitor.id(), in.url(), in.title())),
        suggest(() -> suggestions.popular(visitor.id(), in.url())),
        "/tags/complete",
        others,
        others == 0 ? null : WebPaths.url(UrlKey.of(in.url()).hash()));
  }

  /** The rule as a person reads it: {@code quotes[0]: …} is "quote 1: …" on the form. */
  private static String message(InvalidInputException e) {
    String field = e.field();
    if (field.startsWith("quotes[")) {
      int index = Integer.parseInt(field.replaceAll("\\D", ""));
      return "quote " + (index + 1) + ": " + e.rule();
    }
    return e.getMessage();
  }

  /** {@code quotes[2]} → the third quote box's name. */
  private static String boxOf(String field) {
    return field.startsWith("quotes[") ? "quote" + field.replaceAll("\\D", "") : field;
  }

  /** Suggestions need a valid URL; without one the form just has none. */
  private static List<String> suggest(java.util.function.Supplier<List<String>> source) {
    try {
      return source.get();
    } catch (InvalidInputException e) {
      return List.of();
    }
  }
}
