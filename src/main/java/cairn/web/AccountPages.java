package cairn.web;

import cairn.input.InvalidInputException;
import cairn.user.AccountService;
import cairn.user.Logins;
import cairn.user.Logins.Outcome;
import cairn.user.SessionService;
import cairn.user.SignupMode;
import cairn.user.User;
import cairn.user.UserNameTakenException;
import cairn.web.AccountViews.Hidden;
import cairn.web.AccountViews.Login;
import cairn.web.AccountViews.Signup;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;

/** Sign up, log in, log out. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class AccountPages {
  private final AccountService accounts;
  private final SessionService sessions;
  private final Logins logins;
  private final boolean secureCookies;

  AccountPages(
      AccountService accounts, SessionService sessions, Logins logins, WebConfiguration config) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.logins = logins;
    this.secureCookies = config.secureCookies();
  }

  @Get("/signup")
  HttpResponse<?> signupForm(Visitor visitor, @QueryValue(defaultValue = "") String invite) {
    return Forms.page("signup", signup(visitor, "", invite, null, null));
  }

  @Post("/signup")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> signup(Visitor visitor, @Body Map<String, String> form) {
    Forms.requireCsrf(visitor, form);
    String name = Forms.field(form, "name").strip();
    String invite = Forms.field(form, "invite");
    try {
      if (!Forms.field(form, "password").equals(Forms.field(form, "password2"))) {
        throw new InvalidInputException("password2", "the two passwords differ");
      }
      User user = accounts.signUp(name, Forms.field(form, "password"), invite);
      return signedIn(user, WebPaths.user(user.name()) + "?welcome=1");
    } catch (InvalidInputException e) {
      return Forms.invalid("signup", signup(visitor, name, invite, e.getMessage(), e.field()));
    } catch (UserNameTakenException e) {
      return Forms.invalid("signup", signup(visitor, name, invite, e.getMessage(), "name"));
    }
  }

  @Get("/login")
  HttpResponse<?> loginForm(Visitor visitor, @QueryValue(defaultValue = "") String next) {
    if (visitor.signedIn()) {
      return Forms.seeOther(Forms.localPath(next, WebPaths.user(visitor.name())));
    }
    return Forms.page(
        "login", new Login(PageView.of("log in", visitor), "", next, List.of(), null));
  }

  @Post("/login")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> login(Visitor visitor, HttpRequest<?> request, @Body Map<String, String> form) {
    Forms.requireCsrf(visitor, form);
    String name = Forms.field(form, "name").strip();
    String next = Forms.field(form, "next");
    List<Hidden> carried = BookmarkletHandOver.carried(form);
    String address = request.getRemoteAddress().getAddress().getHostAddress();
    Outcome outcome = logins.attempt(name, Forms.field(form, "password"), address);
    if (outcome instanceof Outcome.Throttled throttled) {
      String message =
          throttled.reason() + "; try again in " + minutes(throttled.retryAfterSeconds());
      return Forms.page(
              HttpStatus.TOO_MANY_REQUESTS,
              "login",
              new Login(PageView.of("log in", visitor), name, next, carried, message))
          .header(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
    }
    if (!(outcome instanceof Outcome.Verified verified)) {
      return Forms.invalid(
          "login",
          new Login(
              PageView.of("log in", visitor), name, next, carried, "wrong user name or password"));
    }
    User user = verified.user();
    if (!carried.isEmpty()) {
      return withSession(user, HttpResponse.ok(BookmarkletHandOver.relayPage(visitor, carried)));
    }
    return signedIn(user, Forms.localPath(next, WebPaths.user(user.name())));
  }

  @Post("/logout")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> logout(Visitor visitor, HttpRequest<?> request, @Body Map<String, String> form) {
    Forms.requireCsrf(visitor, form);
    request
        .getCookies()
        .findCookie(WebCookies.SESSION)
        .map(Cookie::getValue)
        .ifPresent(sessions::end);
    return HttpResponse.seeOther(java.net.URI.create("/recent"))
        .cookie(WebCookies.expiredSession(secureCookies));
  }

  private MutableHttpResponse<?> signedIn(User user, String location) {
    return withSession(user, HttpResponse.seeOther(java.net.URI.create(location)));
  }

  private MutableHttpResponse<?> withSession(User user, MutableHttpResponse<?> response) {
    return response.cookie(WebCookies.session(sessions.start(user.id()), secureCookies));
  }

  private Signup signup(
      Visitor visitor, String name, String invite, @Nullable String error, @Nullable String field) {
    SignupMode mode = accounts.signupMode();
    return new Signup(
        PageView.of("sign up", visitor),
        name,
        invite,
        mode != SignupMode.CLOSED,
        mode == SignupMode.INVITE,
        error,
        field);
  }

  private static String minutes(long seconds) {
    long m = (seconds + 59) / 60;
    return m + (m == 1 ? " minute" : " minutes");
  }
}
