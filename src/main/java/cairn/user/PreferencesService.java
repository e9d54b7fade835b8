package cairn.user;

import static cairn.db.schema.Tables.PREFERENCES;

import cairn.input.PageSize;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jooq.DSLContext;

/** Reads and changes {@link Preferences}; a user who never changed them has the defaults. */
@Singleton
public class PreferencesService {
  private final DSLContext db;

  PreferencesService(DSLContext db) {
    this.db = db;
  }

  @Connectable
  public Preferences get(long userId) {
    return find(userId).orElseGet(() -> new Preferences(PageSize.DEFAULT, true, ""));
  }

  /** The user's preferences, creating the row (and the bookmarklet key) on first use. */
  @Transactional
  public Preferences getOrCreate(long userId) {
    return find(userId).orElseGet(() -> insert(userId));
  }

  @Transactional
  public Preferences update(long userId, int perPage, boolean privateByDefault) {
    PageSize.check(perPage);
    getOrCreate(userId);
    db.update(PREFERENCES)
        .set(PREFERENCES.PER_PAGE, (long) perPage)
        .set(PREFERENCES.PRIVATE_DEFAULT, privateByDefault)
        .where(PREFERENCES.USER_ID.eq(userId))
        .execute();
    return get(userId);
  }

  /**
   * Gives the read-later bookmarklet a new key (with a new API token or password): the old
   * bookmarklet stops working.
   */
  @Transactional
  public void renewBookmarkletKey(long userId) {
    getOrCreate(userId);
    db.update(PREFERENCES)
        .set(PREFERENCES.BOOKMARKLET_KEY, Secrets.randomHex(16))
        .where(PREFERENCES.USER_ID.eq(userId))
        .execute();
  }

  /** The user whose read-later bookmarklet carries this key. */
  @Connectable
  public Optional<Long> findUserByBookmarkletKey(String key) {
    if (key == null || key.length() != 32) {
      return Optional.empty();
    }
    return db.select(PREFERENCES.USER_ID, PREFERENCES.BOOKMARKLET_KEY)
        .from(PREFERENCES)
        .where(PREFERENCES.BOOKMARKLET_KEY.eq(key))
        .fetchOptional()
        .filter(r -> Secrets.constantTimeEquals(r.value2(), key))
        .map(r -> r.value1());
  }

  private Optional<Preferences> find(long userId) {
    return db.select(PREFERENCES.PER_PAGE, PREFERENCES.PRIVATE_DEFAULT, PREFERENCES.BOOKMARKLET_KEY)
        .from(PREFERENCES)
        .where(PREFERENCES.USER_ID.eq(userId))
        .fetchOptional(r -> new Preferences(r.value1().intValue(), r.value2(), r.value3()));
  }

  private Preferences insert(long userId) {
    Preferences fresh = new Preferences(PageSize.DEFAULT, true, Secrets.randomHex(16));
    db.insertInto(PREFERENCES)
        .set(PREFERENCES.USER_ID, userId)
        .set(PREFERENCES.PER_PAGE, (long) fresh.perPage())
        .set(PREFERENCES.PRIVATE_DEFAULT, fresh.privateByDefault())
        .set(PREFERENCES.BOOKMARKLET_KEY, fresh.bookmarkletKey())
        .execute();
    return fresh;
  }
}
