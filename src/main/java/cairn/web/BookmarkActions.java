package cairn.web;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkDraft;
import cairn.bookmark.BookmarkPatch;
import cairn.bookmark.BookmarkQueries;
import cairn.bookmark.BookmarkService;
import cairn.bookmark.UrlKey;
import cairn.browse.TagSuggestions;
import cairn.input.Flags;
import cairn.input.InvalidInputException;
import cairn.tag.TagList;
import cairn.user.PreferencesService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Delete (with confirmation), unread marking, "read later", and tag completion. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class BookmarkActions {
  private final BookmarkService bookmarks;
  private final BookmarkQueries queries;
  private final PreferencesService preferences;
  private final TagSuggestions suggestions;

  BookmarkActions(
      BookmarkService bookmarks,
      BookmarkQueries queries,
      PreferencesService preferences,
      TagSuggestions suggestions) {
    this.bookmarks = bookmarks;
    this.queries = queries;
    this.preferences = preferences;
    this.suggestions = suggestions;
  }

  @Get("/b/{id}/delete")
  HttpResponse<?> confirmDelete(Visitor visitor, long id) {
    Bookmark b = queries.getOwn(id, visitor.requireSignedIn().id());
    MessageView view =
        new MessageView(
            PageView.of("delete bookmark", visitor),
            "Delete this bookmark?",
            b.title().isBlank() ? b.url() : b.title(),
            "/b/" + id + "/delete",
            List.of(),
            "delete",
            WebPaths.user(visitor.name()),
            -1);
    return Forms.page("message", view);
  }

  @Post("/b/{id}/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> delete(Visitor visitor, long id, @Body Map<String, String> form) {
    Forms.requireCsrf(visitor, form);
    bookmarks.delete(visitor.requireSignedIn().id(), id);
    return Forms.seeOther(WebPaths.user(visitor.name()) + "?deleted=1");
  }

  /** Marks a bookmark unread ({@code unread=yes}) or read ({@code unread=no}). */
  @Post("/b/{id}/read")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> read(Visitor visitor, long id, @Body Map<String, String> form) {
    Forms.requireCsrf(visitor, form);
    queries.checkOwn(id, visitor.requireSignedIn().id());
    Boolean unread = Flags.parse("unread", form.get("unread"));
    if (unread == null) {
      throw new InvalidInputException("unread", "must be yes or no");
    }
    bookmarks.update(
        visitor.id(), id, new BookmarkPatch(null, null, null, null, null, null, unread, null));
    return Forms.seeOther(
        Forms.localPath(Forms.field(form, "next"), WebPaths.user(visitor.name())));
  }

  /**
   * The "read later" bookmarklet: saves the page as unread at once, no form. It is authorized by
   * the key in the bookmarklet (so it works from any page, without cookies); an already saved page
   * is only marked unread.
   */
  @Get("/readlater")
  HttpResponse<?> readLater(
      Visitor visitor,
      @QueryValue(defaultValue = "") String k,
      @QueryValue(defaultValue = "") String url,
      @QueryValue(defaultValue = "") String title) {
    return saveForLater(visitor, k, url, title);
  }

  @Post("/readlater")
  @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
  HttpResponse<?> readLaterPost(Visitor visitor, @Body Map<String, String> form) {
    return saveForLater(
        visitor, Forms.field(form, "k"), Forms.field(form, "url"), Forms.field(form, "title"));
  }

  /** Completions for the tag being typed, from the visitor's own tags (JSON list of names). */
  @Get(value = "/tags/complete", produces = MediaType.APPLICATION_JSON)
  HttpResponse<List<String>> complete(
      Visitor visitor, @QueryValue(defaultValue = "") String prefix) {
    if (!visitor.signedIn()) {
      return HttpResponse.ok(List.of());
    }
    return HttpResponse.ok(suggestions.complete(visitor.id(), prefix));
  }

  private HttpResponse<?> saveForLater(Visitor visitor, String key, String url, String title) {
    Optional<Long> user = preferences.findUserByBookmarkletKey(key);
    if (user.isEmpty()) {
      return Forms.page(
          HttpStatus.FORBIDDEN,
          "message",
          message(
              visitor,
              "Not saved",
              "This read-later bookmarklet is out of date: get it again from your settings page.",
              -1));
    }
    try {
      Optional<Long> existing = queries.findIdByUrl(user.get(), UrlKey.of(UrlKey.clean(url)));
      if (existing.isPresent()) {
        bookmarks.update(
            user.get(),
            existing.get(),
            new BookmarkPatch(null, null, null, null, null, null, true, null));
      } else {
        boolean shared = !preferences.get(user.get()).privateByDefault();
        bookmarks.create(
            user.get(),
            new BookmarkDraft(url, title, "", List.of(), TagList.EMPTY, shared, true, null),
            false);
      }
    } catch (InvalidInputException e) {
      return Forms.page(
          HttpStatus.BAD_REQUEST, "message", message(visitor, "Not saved", e.getMessage(), -1));
    }
    return Forms.page(
        "message", message(visitor, "Saved to read later", title.isBlank() ? url : title, 800));
  }

  private static MessageView message(Visitor visitor, String heading, String text, long close) {
    return new MessageView(
        PageView.of(heading, visitor).inPopup(true),
        heading,
        text,
        null,
        List.of(),
        null,
        null,
        close);
  }
}
