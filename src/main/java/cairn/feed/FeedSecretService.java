package cairn.feed;

import static cairn.db.schema.Tables.USERS;

import cairn.user.Secrets;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

/**
 * The secret in a user's private feed URLs ({@code /feeds/rss/secret:SECRET/u:NAME}), which
 * Pinboard's {@code user/secret} also returns.
 */
@Singleton
public class FeedSecretService {
  private final DSLContext db;

  FeedSecretService(DSLContext db) {
    this.db = db;
  }

  /**
   * Gives the user a new feed secret and returns it; every private feed URL with the old one is a
   * 404 from then on. Only the one column changes, so a bookmark saved at the same moment keeps its
   * stamp.
   */
  @Transactional
  public String regenerate(long userId) {
    // the same shape as the secret an account starts with: 20 lower-case hex digits
    String secret = Secrets.randomHex(10);
    db.update(USERS).set(USERS.FEED_SECRET, secret).where(USERS.ID.eq(userId)).execute();
    return secret;
  }
}
