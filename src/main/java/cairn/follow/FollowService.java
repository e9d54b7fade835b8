package cairn.follow;

import static cairn.db.schema.Tables.FOLLOWS;

import cairn.input.InvalidInputException;
import cairn.user.User;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jooq.DSLContext;

/**
 * Following and unfollowing people. Both are idempotent: following someone twice keeps the first
 * date, unfollowing someone not followed changes nothing. Nobody follows themselves.
 */
@Singleton
public class FollowService {
  private final DSLContext db;
  private final Clock clock;

  FollowService(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Starts following {@code followee}; true if this is new, false if already followed. */
  @Transactional
  public boolean follow(long followerId, User followee) {
    if (followee.id() == followerId) {
      throw new InvalidInputException("name", "you cannot follow yourself");
    }
    return db.insertInto(FOLLOWS)
            .set(FOLLOWS.FOLLOWER_ID, followerId)
            .set(FOLLOWS.FOLLOWEE_ID, followee.id())
            .set(FOLLOWS.CREATED_AT, clock.millis())
            .onConflictDoNothing()
            .execute()
        == 1;
  }

  /** Stops following {@code followee}; true if they were followed. */
  @Transactional
  public boolean unfollow(long followerId, User followee) {
    return db.deleteFrom(FOLLOWS)
            .where(FOLLOWS.FOLLOWER_ID.eq(followerId))
            .and(FOLLOWS.FOLLOWEE_ID.eq(followee.id()))
            .execute()
        == 1;
  }
}
