package cairn.user;

import static cairn.db.schema.Tables.SESSIONS;
import static cairn.db.schema.Tables.USERS;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Sign-in sessions, kept in the store so that any node can serve any visitor. The cookie carries a
 * random secret; the store keeps only its SHA-256, the user and the session's CSRF token.
 */
@Singleton
public class SessionService {
  /** How long a sign-in lasts. */
  public static final Duration LIFETIME = Duration.ofDays(30);

  private final DSLContext db;
  private final Clock clock;

  SessionService(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A live session: whose it is and the token its forms carry. */
  public record Session(User user, String csrf) {}

  /** A new session for the user; returns the cookie value. */
  @Transactional
  public String start(long userId) {
    String secret = Secrets.randomHex(32);
    long now = clock.millis();
    db.deleteFrom(SESSIONS).where(SESSIONS.EXPIRES_AT.lt(now)).execute();
    db.insertInto(SESSIONS)
        .set(SESSIONS.ID_HASH, Secrets.sha256(secret))
        .set(SESSIONS.USER_ID, userId)
        .set(SESSIONS.CSRF, Secrets.randomHex(24))
        .set(SESSIONS.CREATED_AT, now)
        .set(SESSIONS.EXPIRES_AT, now + LIFETIME.toMillis())
        .execute();
    return secret;
  }

  @Connectable
  public Optional<Session> find(String cookie) {
    if (cookie == null || cookie.length() != 64) {
      return Optional.empty();
    }
    // one statement per page view: the session and its user together
    return db.select(USERS.fields())
        .select(SESSIONS.CSRF)
        .from(SESSIONS)
        .join(USERS)
        .on(USERS.ID.eq(SESSIONS.USER_ID))
        .where(SESSIONS.ID_HASH.eq(Secrets.sha256(cookie)))
        .and(SESSIONS.EXPIRES_AT.gt(clock.millis()))
        .fetchOptional(
            r ->
                new Session(
                    new User(
                        r.get(USERS.ID),
                        r.get(USERS.NAME),
                        r.get(USERS.PASSWORD_HASH),
                        r.get(USERS.CREATED_AT),
                        r.get(USERS.FEED_SECRET),
                        r.get(USERS.BOOKMARKS_CHANGED_AT)),
                    r.get(SESSIONS.CSRF)));
  }

  @Transactional
  public void end(String cookie) {
    if (cookie != null) {
      db.deleteFrom(SESSIONS).where(SESSIONS.ID_HASH.eq(Secrets.sha256(cookie))).execute();
    }
  }

  /** Signs the user out everywhere (after a password change, say). */
  @Transactional
  public void endAll(long userId) {
    db.deleteFrom(SESSIONS).where(SESSIONS.USER_ID.eq(userId)).execute();
  }
}
