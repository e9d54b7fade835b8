package cairn.bookmark;

import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.db.schema.Tables.TAGS;
import static cairn.db.schema.Tables.USERS;
import static cairn.support.Drafts.draft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cairn.support.Sql;
import cairn.support.TestStore;
import cairn.user.UserService;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

/** The rules SQL can hold are held by the schema itself, whatever code writes to it. */
@MicronautTest(transactional = false, startApplication = false)
class StoreConstraintsTest implements TestPropertyProvider {
  @Inject BookmarkService bookmarks;
  @Inject UserService users;
  @Inject Sql sql;

  @Override
  public Map<String, String> getProperties() {
    return TestStore.properties();
  }

  @Test
  void userNamesAreUniqueAndOfTheAllowedCharacters() {
    users.create("taken", "password-1");
    assertThrows(DataAccessException.class, () -> insertUser("taken"));
    assertThrows(DataAccessException.class, () -> insertUser("Upper"));
    assertThrows(DataAccessException.class, () -> insertUser("x".repeat(31)));
    assertThrows(DataAccessException.class, () -> insertUser("a-b"));
  }

  @Test
  void oneBookmarkPerUserPerNormalizedUrl() {
    long user = users.create(TestStore.uniqueName("u"), "password-1").user().id();
    var b = bookmarks.create(user, draft("https://example.com/"), false).bookmark();
    String key =
        sql.read(
            db ->
                db.select(BOOKMARKS.URL_KEY)
                    .from(BOOKMARKS)
                    .where(BOOKMARKS.ID.eq(b.id()))
                    .fetchOne(BOOKMARKS.URL_KEY));
    assertThrows(
        DataAccessException.class,
        () ->
            sql.run(
                db ->
                    db.insertInto(BOOKMARKS)
                        .set(BOOKMARKS.USER_ID, user)
                        .set(BOOKMARKS.URL, "https://EXAMPLE.com")
                        .set(BOOKMARKS.URL_KEY, key)
                        .set(BOOKMARKS.HASH, "0".repeat(32))
                        .set(BOOKMARKS.SHARED, true)
                        .set(BOOKMARKS.TOREAD, false)
                        .set(BOOKMARKS.CREATED_AT, 0L)
                        .set(BOOKMARKS.UPDATED_AT, 0L)
                        .execute()));
  }

  @Test
  void tagKeysAreUniquePerUserAndNeverStartWithADash() {
    long user = users.create(TestStore.uniqueName("u"), "password-1").user().id();
    bookmarks.create(user, draft("https://example.com/t", "java"), false);
    assertThrows(DataAccessException.class, () -> insertTag(user, "java"));
    assertThrows(DataAccessException.class, () -> insertTag(user, "-java"));
  }

  @Test
  void deletingAUserCascadesToEverythingTheyOwn() {
    long user = users.create(TestStore.uniqueName("gone"), "password-1").user().id();
    bookmarks.create(
        user,
        cairn.support.Drafts.withQuotes("https://example.com/c", "t1 t2", java.util.List.of("q")),
        false);
    sql.run(db -> db.deleteFrom(USERS).where(USERS.ID.eq(user)).execute());
    assertEquals(0, sql.count(BOOKMARKS, BOOKMARKS.USER_ID.eq(user)));
    assertEquals(0, sql.count(TAGS, TAGS.USER_ID.eq(user)));
  }

  private void insertUser(String name) {
    sql.run(
        db ->
            db.insertInto(USERS)
                .set(USERS.NAME, name)
                .set(USERS.PASSWORD_HASH, "x")
                .set(USERS.CREATED_AT, 0L)
                .execute());
  }

  private void insertTag(long user, String key) {
    sql.run(
        db ->
            db.insertInto(TAGS)
                .set(TAGS.USER_ID, user)
                .set(TAGS.TAG_KEY, key)
                .set(TAGS.NAME, key)
                .execute());
  }
}
