package cairn.follow;

import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.db.schema.Tables.FOLLOWS;
import static cairn.db.schema.Tables.USERS;

import cairn.query.Listing;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Who follows whom: the people someone follows and their followers (with how many shared bookmarks
 * each has), the counts on a user's page, and the network listing of a viewer.
 */
@Singleton
public class FollowQueries {
  private final DSLContext db;

  FollowQueries(DSLContext db) {
    this.db = db;
  }

  /** Which way a list of people goes from its user. */
  public enum Direction {
    /** The people the user follows. */
    FOLLOWING,
    /** The people who follow the user. */
    FOLLOWERS
  }

  /**
   * Someone in a following or followers list.
   *
   * @param name their user name
   * @param sharedBookmarks how many shared bookmarks they have: private ones are never counted,
   *     whoever looks, so the number is the same for every viewer
   * @param since when the follow began
   */
  public record Person(String name, long sharedBookmarks, Instant since) {}

  /** How many people the user follows, and how many follow them. */
  public record Counts(long following, long followers) {}

  /** The shared bookmarks of the people {@code viewer} follows: the base of {@code /network}. */
  @Connectable
  public Listing network(long viewer) {
    return Listing.ofOwners(viewer, followeeIds(viewer));
  }

  @Connectable
  public Set<Long> followeeIds(long followerId) {
    return new HashSet<>(
        db.select(FOLLOWS.FOLLOWEE_ID)
            .from(FOLLOWS)
            .where(FOLLOWS.FOLLOWER_ID.eq(followerId))
            .fetch(FOLLOWS.FOLLOWEE_ID));
  }

  @Connectable
  public boolean follows(long followerId, long followeeId) {
    return db.fetchExists(
        FOLLOWS, FOLLOWS.FOLLOWER_ID.eq(followerId).and(FOLLOWS.FOLLOWEE_ID.eq(followeeId)));
  }

  @Connectable
  public Counts counts(long userId) {
    return new Counts(
        db.fetchCount(FOLLOWS, FOLLOWS.FOLLOWER_ID.eq(userId)),
        db.fetchCount(FOLLOWS, FOLLOWS.FOLLOWEE_ID.eq(userId)));
  }

  /** The people in the user's list, most recently followed first (then by name). */
  @Connectable
  public List<Person> list(long userId, Direction direction) {
    Field<Long> self = direction == Direction.FOLLOWING ? FOLLOWS.FOLLOWER_ID : FOLLOWS.FOLLOWEE_ID;
    Field<Long> other =
        direction == Direction.FOLLOWING ? FOLLOWS.FOLLOWEE_ID : FOLLOWS.FOLLOWER_ID;
    var rows =
        db.select(other, USERS.NAME, FOLLOWS.CREATED_AT)
            .from(FOLLOWS)
            .join(USERS)
            .on(USERS.ID.eq(other))
            .where(self.eq(userId))
            .orderBy(FOLLOWS.CREATED_AT.desc(), USERS.NAME)
            .fetch();
    Map<Long, Long> shared = sharedCounts(rows.getValues(other));
    return rows.map(
        r ->
            new Person(
                r.get(USERS.NAME),
                shared.getOrDefault(r.get(other), 0L),
                Instant.ofEpochMilli(r.get(FOLLOWS.CREATED_AT))));
  }

  /** Shared bookmarks per person, in one statement for the whole list. */
  private Map<Long, Long> sharedCounts(List<Long> people) {
    if (people.isEmpty()) {
      return Map.of();
    }
    Field<Integer> count = DSL.count();
    return db.select(BOOKMARKS.USER_ID, count)
        .from(BOOKMARKS)
        .where(BOOKMARKS.USER_ID.in(people))
        .and(BOOKMARKS.SHARED.isTrue())
        .groupBy(BOOKMARKS.USER_ID)
        .fetchMap(BOOKMARKS.USER_ID, r -> r.get(count).longValue());
  }
}
