package cairn.feed;

import static cairn.db.schema.Tables.USERS;

import cairn.user.Secrets;
import cairn.user.User;
import cairn.user.UserService;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The store's answers feeds need besides their listing: whose secret, and when things changed. */
@Singleton
public class FeedQueries {
  private static final String NOBODY = "-".repeat(20);
  private final DSLContext db;
  private final UserService users;

  FeedQueries(DSLContext db, UserService users) {
    this.db = db;
    this.users = users;
  }

  /**
   * The owner of a private feed: user {@code name}, if {@code secret} is their current feed secret.
   * Otherwise a {@link FeedNotFoundException}, the same whether the secret was wrong, old, someone
   * else's, or no such user exists.
   */
  public User requireOwner(String name, String secret) {
    Optional<User> user = users.findByName(name);
    // compared in constant time, against a stand-in when there is no such user
    String current = user.map(User::feedSecret).orElse(NOBODY);
    if (user.isEmpty() || !Secrets.constantTimeEquals(current, secret)) {
      throw new FeedNotFoundException();
    }
    return user.get();
  }

  /**
   * When anyone's bookmarks last changed (a save, an edit, a deletion): the earliest a feed of
   * everyone's bookmarks can claim as its {@code Last-Modified} without hiding a deletion from a
   * reader that asks with {@code If-Modified-Since} only.
   */
  @Connectable
  public Instant lastChangeOfAnyone() {
    Long millis =
        db.select(DSL.max(USERS.BOOKMARKS_CHANGED_AT)).from(USERS).fetchOne(0, Long.class);
    return Instant.ofEpochMilli(millis == null ? 0 : millis);
  }
}
