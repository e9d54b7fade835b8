package cairn.web;

import cairn.input.InvalidInputException;
import cairn.input.PageSize;
import cairn.user.AccountService;
import cairn.user.Preferences;
import cairn.user.PreferencesService;
import cairn.user.SessionService;
import cairn.user.SignupMode;
import cairn.user.User;
import cairn.user.UserService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.util.Map;

/** {@code /settings}: preferences, API token, bookmarklets, password, invitations, deletion. */
@Controller("/settings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class SettingsPages {
  private final PreferencesService preferences;
  private final AccountService accounts;
  private final UserService users;
  private final SessionService sessions;
  private final PublicSite site;

  SettingsPages(
      PreferencesService preferences,
      AccountService accounts,
      UserService users,
      SessionService sessions,
      PublicSite site) {
    this.preferences = preferences;
    this.accounts = accounts;
    this.users = users;
    this.sessions = sessions;
    this.site = site;
  }

  @Get
  HttpResponse<?> show(Visitor visitor, HttpRequest<?> request) {
    visitor.requireSignedIn();
    return Forms.page("settings", view(visitor, request, null, null, null));
  }

  @Post("/preferences")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> preferences(
      Visitor visitor, HttpRequest<?> request, @Body Map<String, String> form) {
    Forms.requireCsrf(visitor, form);
    visitor.requireSignedIn();
    try {
      int perPage = PageSize.parse(form.get("per_page"), PageSize.DEFAULT);
      preferences.update(visitor.id(), perPage, Forms.checked(form, "private_default"));
      return Forms.seeOther("/settings?saved=preferences");
    } catch (InvalidInputException e) {
      return Forms.invalid("settings", view(visitor, request, e, null, null));
    }
  }

  @Post("/token")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> token(Visitor visitor, @Body Map<String, String> form) {
    Forms.requireCsrf(visitor, form);
    visitor.requireSignedIn();
    accounts.regenerateToken(visitor.user());
    return Forms.seeOther("/settings?saved=token#token");
  }

  @Post("/password")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> password(
      Visitor visitor, HttpRequest<?> request, @Body Map<String, String> form) {
    Forms.requireCsrf(visitor, form);
    visitor.requireSignedIn();
    try {
      if (!Forms.field(form, "password").equals(Forms.field(form, "password2"))) {
        throw new InvalidInputException("password2", "the two new passwords differ");
      }
      accounts.changePassword(
          visitor.user(), Forms.field(form, "current_password"), Forms.field(form, "password"));
    } catch (InvalidInputException e) {
      return Forms.invalid("settings", view(visitor, request, e, null, null));
    }
    // signs out every other browser; this one gets a fresh session
    sessions.endAll(visitor.id());
    return HttpResponse.seeOther(URI.create("/settings?saved=password"))
        .cookie(WebCookies.session(sessions.start(visitor.id()), site.secure()));
  }

  @Post("/invite")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> invite(Visitor visitor, HttpRequest<?> request, @Body Map<String, String> form) {
    Forms.requireCsrf(visitor, form);
    visitor.requireSignedIn();
    String link = site.base() + "/signup?invite=" + accounts.invite(visitor.id());
    return Forms.page("settings", view(visitor, request, null, link, null));
  }

  @Post("/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> delete(Visitor visitor, HttpRequest<?> request, @Body Map<String, String> form) {
    Forms.requireCsrf(visitor, form);
    visitor.requireSignedIn();
    try {
      accounts.delete(visitor.user(), Forms.field(form, "password"));
    } catch (InvalidInputException e) {
      return Forms.invalid("settings", view(visitor, request, e, null, null));
    }
    return HttpResponse.seeOther(URI.create("/recent?deleted=account"))
        .cookie(WebCookies.expiredSession(site.secure()));
  }

  private SettingsView view(
      Visitor visitor,
      HttpRequest<?> request,
      @Nullable InvalidInputException error,
      @Nullable String inviteLink,
      @Nullable String notice) {
    User user = visitor.user();
    Preferences prefs = preferences.getOrCreate(user.id());
    String base = site.base();
    String saved = request.getParameters().get("saved");
    return new SettingsView(
        PageView.of("settings", visitor).withNotice(saved == null ? notice : "Saved."),
        prefs.perPage(),
        prefs.privateByDefault(),
        users.tokenOf(user),
        Bookmarklets.save(base),
        Bookmarklets.readLater(base, prefs.bookmarkletKey()),
        accounts.signupMode() == SignupMode.INVITE,
        inviteLink,
        error == null ? null : error.getMessage(),
        error == null ? null : error.field(),
        FeedSecretPages.privateFeeds(base, user));
  }
}
