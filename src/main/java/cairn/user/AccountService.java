package cairn.user;

import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.db.schema.Tables.INVITES;

import cairn.input.InvalidInputException;
import cairn.journal.ChangeJournal;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;

/**
 * What people do with their own account from the pages: sign up (open, by invitation or not at
 * all), change the password, get a new API token, invite someone, and leave with everything
 * deleted.
 */
@Singleton
public class AccountService {
  private final UserService users;
  private final UserRepository userRows;
  private final ApiTokenRepository tokens;
  private final Passwords passwords;
  private final DSLContext db;
  private final ChangeJournal journal;
  private final Clock clock;
  private final SignupMode mode;
  private final Credentials credentials;

  AccountService(
      UserService users,
      UserRepository userRows,
      Credentials credentials,
      AccountStore store,
      @Value("${cairn.signup:open}") SignupMode mode) {
    this.users = users;
    this.userRows = userRows;
    this.credentials = credentials;
    this.tokens = credentials.tokens();
    this.passwords = credentials.passwords();
    this.db = store.db();
    this.journal = store.journal();
    this.clock = store.clock();
    this.mode = mode;
  }

  /** The store-side collaborators, kept together so the constructor stays short. */
  @Singleton
  record AccountStore(DSLContext db, ChangeJournal journal, Clock clock) {}

  /** Everything that holds or checks a secret of the account. */
  @Singleton
  record Credentials(
      ApiTokenRepository tokens,
      Passwords passwords,
      Logins logins,
      PreferencesService preferences) {
    /** New secrets for the account: remembered log-ins end and the read-later key is renewed. */
    void renewed(long userId) {
      logins.forget(userId);
      preferences.renewBookmarkletKey(userId);
    }
  }

  public SignupMode signupMode() {
    return mode;
  }

  /** Creates an account from the sign-up page, using up the invitation when one is needed. */
  @Transactional
  public User signUp(String name, String password, String invite) {
    switch (mode) {
      case CLOSED -> throw new InvalidInputException("name", "sign-up is closed on this server");
      case INVITE -> checkInvite(invite);
      case OPEN -> {}
    }
    User user = users.create(name, password).user();
    if (mode == SignupMode.INVITE) {
      db.update(INVITES)
          .set(INVITES.USED_BY, user.id())
          .set(INVITES.USED_AT, clock.millis())
          .where(INVITES.CODE_HASH.eq(Secrets.sha256(invite)))
          .execute();
    }
    return user;
  }

  /** A new single-use invitation code. */
  @Transactional
  public String invite(long userId) {
    String code = Secrets.randomHex(16);
    db.insertInto(INVITES)
        .set(INVITES.CODE_HASH, Secrets.sha256(code))
        .set(INVITES.CREATED_BY, userId)
        .set(INVITES.CREATED_AT, clock.millis())
        .execute();
    return code;
  }

  @Transactional
  public void changePassword(User user, String current, String replacement) {
    requirePassword(user, current, "current_password");
    Passwords.check(replacement);
    userRows.update(
        new User(
            user.id(),
            user.name(),
            passwords.hash(replacement),
            user.createdAt(),
            user.feedSecret(),
            user.bookmarksChangedAt()));
    credentials.renewed(user.id());
  }

  /**
   * Replaces the API token and the read-later key; the old ones (and remembered password log-ins)
   * stop working at once. Returns the new token.
   */
  @Transactional
  public String regenerateToken(User user) {
    tokens.update(new ApiToken(user.id(), UserService.newSecret(), clock.millis()));
    credentials.renewed(user.id());
    return users.tokenOf(user);
  }

  /**
   * Deletes the account and everything in it. Each bookmark gets a journal row first, so the index
   * drops them too.
   */
  @Transactional
  public void delete(User user, String password) {
    requirePassword(user, password, "password");
    List<Long> ids =
        db.select(BOOKMARKS.ID)
            .from(BOOKMARKS)
            .where(BOOKMARKS.USER_ID.eq(user.id()))
            .fetch(r -> r.value1());
    journal.appendAll(user.id(), ids);
    userRows.deleteById(user.id());
    credentials.logins().forget(user.id());
  }

  private void checkInvite(String invite) {
    boolean valid =
        invite != null
            && invite.length() == 32
            && db.fetchExists(
                INVITES,
                INVITES.CODE_HASH.eq(Secrets.sha256(invite)).and(INVITES.USED_AT.isNull()));
    if (!valid) {
      throw new InvalidInputException(
          "invite", "sign-up needs an unused invitation link from someone with an account");
    }
  }

  private void requirePassword(User user, String password, String field) {
    if (password == null || !passwords.matches(password, user.passwordHash())) {
      throw new InvalidInputException(field, "is not your current password");
    }
  }
}
