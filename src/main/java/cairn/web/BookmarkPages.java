package cairn.web;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkNotFoundException;
import cairn.bookmark.BookmarkQueries;
import cairn.bookmark.BookmarkService;
import cairn.bookmark.DuplicateBookmarkException;
import cairn.bookmark.UrlKey;
import cairn.input.InvalidInputException;
import cairn.web.BookmarkForms.Input;
import io.micronaut.http.HttpRequest;
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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adding and editing a bookmark: the form (also the bookmarklet's popup), "already saved" leading
 * to the edit form, copying someone else's bookmark, and the form coming back with the rule it
 * broke.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class BookmarkPages {
  private final BookmarkService bookmarks;
  private final BookmarkQueries queries;
  private final BookmarkForms forms;
  private final Clock clock;

  BookmarkPages(
      BookmarkService bookmarks, BookmarkQueries queries, BookmarkForms forms, Clock clock) {
    this.bookmarks = bookmarks;
    this.queries = queries;
    this.forms = forms;
    this.clock = clock;
  }

  /** The add form; {@code url}, {@code title}, {@code quote}, … pre-fill it, {@code copy} too. */
  @Get("/add")
  HttpResponse<?> addForm(Visitor visitor, HttpRequest<?> request) {
    if (!visitor.signedIn()) {
      return Forms.seeOther("/login?next=" + WebPaths.query(request.getUri().toString()));
    }
    var p = request.getParameters();
    boolean popup = "1".equals(p.get("popup"));
    if (p.get("copy") != null) {
      return copy(visitor, p.get("copy"), popup);
    }
    return prefilled(
        visitor,
        popup,
        forms.blank(
            visitor.id(),
            value(p.get("url")),
            value(p.get("title")),
            value(p.get("quote")),
            value(p.get("notes")),
            value(p.get("tags"))));
  }

  /** The bookmarklet's hand-over of a page too long for a URL; changes nothing by itself. */
  @Post("/add/popup")
  @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
  HttpResponse<?> popup(Visitor visitor, @Body Map<String, String> form) {
    List<AccountViews.Hidden> carried = BookmarkletHandOver.carried(form);
    if (!visitor.signedIn()) {
      if (!"1".equals(form.get("relayed"))) {
        return HttpResponse.ok(BookmarkletHandOver.relayPage(visitor, carried));
      }
      return Forms.page(
          "login",
          new AccountViews.Login(
              PageView.of("log in", visitor).inPopup(true), "", "", carried, null));
    }
    return prefilled(
        visitor,
        true,
        forms.blank(
            visitor.id(),
            Forms.field(form, "url"),
            Forms.field(form, "title"),
            Forms.field(form, "quote"),
            Forms.field(form, "notes"),
            Forms.field(form, "tags")));
  }

  @Post("/add")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> add(Visitor visitor, @Body Map<String, String> form) {
    Forms.requireCsrf(visitor, form);
    visitor.requireSignedIn();
    Input in = Input.of(form);
    try {
      Bookmark saved = bookmarks.create(visitor.id(), in.draft(), false).bookmark();
      return done(visitor, in, saved, "saved");
    } catch (InvalidInputException e) {
      return Forms.invalid("form", forms.view(visitor, null, in, in.popup(), e, null));
    } catch (DuplicateBookmarkException e) {
      InvalidInputException rule =
          new InvalidInputException(
              "url", "you already saved this URL; edit that bookmark instead");
      return Forms.page(
          HttpStatus.CONFLICT,
          "form",
          forms.view(visitor, null, in, in.popup(), rule, editHref(e.existingId(), in.popup())));
    }
  }

  @Get("/b/{id}/edit")
  HttpResponse<?> editForm(
      Visitor visitor,
      long id,
      @QueryValue(defaultValue = "") String quote,
      @QueryValue(defaultValue = "") String popup) {
    Bookmark b = own(visitor, id);
    boolean inPopup = "1".equals(popup);
    var view = forms.view(visitor, id, forms.of(b, quote), inPopup, null, null);
    return Forms.page(
        "form", withNotice(view, quote.isEmpty() && !inPopup ? null : savedBefore(b)));
  }

  @Post("/b/{id}/edit")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> edit(Visitor visitor, long id, @Body Map<String, String> form) {
    Forms.requireCsrf(visitor, form);
    queries.checkOwn(id, visitor.requireSignedIn().id());
    Input in = Input.of(form);
    try {
      Bookmark saved = bookmarks.update(visitor.id(), id, in.patch()).bookmark();
      return done(visitor, in, saved, "saved");
    } catch (InvalidInputException e) {
      return Forms.invalid("form", forms.view(visitor, id, in, in.popup(), e, null));
    } catch (DuplicateBookmarkException e) {
      InvalidInputException rule =
          new InvalidInputException("url", "another of your bookmarks has this URL");
      return Forms.page(
          HttpStatus.CONFLICT,
          "form",
          forms.view(visitor, id, in, in.popup(), rule, editHref(e.existingId(), in.popup())));
    }
  }

  private HttpResponse<?> prefilled(Visitor visitor, boolean popup, Input in) {
    Optional<Long> existing = Optional.empty();
    try {
      existing =
          in.url().isEmpty() ? existing : queries.findIdByUrl(visitor.id(), UrlKey.of(in.url()));
    } catch (InvalidInputException e) {
      return Forms.invalid("form", forms.view(visitor, null, in, popup, e, null));
    }
    if (existing.isPresent()) {
      String quote = in.quotes().isEmpty() ? "" : in.quotes().get(0);
      Bookmark b = own(visitor, existing.get());
      var view = forms.view(visitor, b.id(), forms.of(b, quote), popup, null, null);
      return Forms.page("form", withNotice(view, savedBefore(b)));
    }
    return Forms.page("form", forms.view(visitor, null, in, popup, null, null));
  }

  private HttpResponse<?> copy(Visitor visitor, String id, boolean popup) {
    long bookmarkId;
    try {
      bookmarkId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new BookmarkNotFoundException(-1);
    }
    Bookmark b = queries.getVisible(bookmarkId, visitor.id());
    return prefilled(
        visitor,
        popup,
        forms.blank(
            visitor.id(),
            b.url(),
            b.title(),
            b.quotes().isEmpty() ? "" : b.quotes().get(0).text(),
            b.notes(),
            String.join(" ", b.tags())));
  }

  private HttpResponse<?> done(Visitor visitor, Input in, Bookmark saved, String what) {
    if (in.popup()) {
      MessageView view =
          new MessageView(
              PageView.of(what, visitor).inPopup(true),
              "Saved",
              saved.title().isBlank() ? saved.url() : saved.title(),
              null,
              List.of(),
              null,
              WebPaths.user(visitor.name()),
              400);
      return Forms.page("message", view);
    }
    return Forms.seeOther(Forms.localPath(in.next(), WebPaths.user(visitor.name())));
  }

  /** The visitor's own bookmark; anyone else's (or none) is a 404. */
  private Bookmark own(Visitor visitor, long id) {
    return queries.getOwn(id, visitor.requireSignedIn().id());
  }

  private String savedBefore(Bookmark b) {
    return "You saved this page " + Dates.relative(b.created(), clock) + "; editing that bookmark.";
  }

  private static String editHref(long id, boolean popup) {
    return "/b/" + id + "/edit" + (popup ? "?popup=1" : "");
  }

  private static BookmarkFormView withNotice(BookmarkFormView v, String notice) {
    return new BookmarkFormView(
        v.page().withNotice(notice),
        v.id(),
        v.url(),
        v.title(),
        v.notes(),
        v.quotes(),
        v.tags(),
        v.isPrivate(),
        v.unread(),
        v.popup(),
        v.next(),
        v.error(),
        v.errorField(),
        v.existingHref(),
        v.yourTags(),
        v.othersTags(),
        v.completeHref(),
        v.savedByOthers(),
        v.urlHref());
  }

  private static String value(String s) {
    return s == null ? "" : s;
  }
}
