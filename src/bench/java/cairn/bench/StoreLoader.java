package cairn.bench;

import static cairn.db.schema.Tables.API_TOKENS;
import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.db.schema.Tables.BOOKMARK_TAGS;
import static cairn.db.schema.Tables.CHANGES;
import static cairn.db.schema.Tables.TAGS;
import static cairn.db.schema.Tables.USERS;

import cairn.bookmark.PinboardHash;
import cairn.bookmark.UrlKey;
import cairn.db.StoreOnly;
import cairn.user.UserService;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Loads a generated dataset straight into a fresh data directory's store, in the schema of {@code
 * migrations/}: bookmarks, per-user tags, tag links and one journal row per bookmark, by jOOQ batch
 * inserts in large transactions. The first user is created through {@link UserService} (Flyway
 * migrates the new store on the way); the others are the same rows with that user's real Argon2
 * hash (same password) and their own API secrets, so HTTP authentication works for everyone.
 */
final class StoreLoader implements AutoCloseable {
  static final String PASSWORD = "bench-password";
  private static final int COMMIT_EVERY = 50_000;

  private final Dataset dataset;
  private final String[] tagNames;
  private final Connection connection;
  private final DSLContext db;
  private final LongIntMap tagIds = new LongIntMap();
  private final long[] userIds;
  private final long[] lastCreated;
  private int nextTagId = 1;
  private long sinceCommit;
  long tagRows;
  long links;

  StoreLoader(Dataset dataset, String[] tagNames, Path dataDir) throws SQLException {
    this.dataset = dataset;
    this.tagNames = tagNames;
    this.userIds = new long[dataset.users];
    this.lastCreated = new long[dataset.users];
    String hash = createFirstUser(dataDir);
    this.connection = DriverManager.getConnection(url(dataDir));
    connection.setAutoCommit(false);
    this.db = DSL.using(connection, SQLDialect.SQLITE);
    insertOtherUsers(hash);
  }

  /** The store's JDBC URL for bulk work: no fsync (a failed load is thrown away anyway). */
  static String url(Path dataDir) {
    return "jdbc:sqlite:"
        + dataDir.resolve("cairn.db")
        + "?journal_mode=WAL&synchronous=OFF&foreign_keys=true&cache_size=-262144";
  }

  private String createFirstUser(Path dataDir) {
    try (ApplicationContext store =
        ApplicationContext.builder()
            .environments(StoreOnly.ENVIRONMENT)
            .properties(Map.of("cairn.data-dir", dataDir.toString()))
            .start()) {
      var created = store.getBean(UserService.class).create(dataset.userName(0), PASSWORD);
      userIds[0] = created.user().id();
      return created.user().passwordHash();
    }
  }

  private void insertOtherUsers(String hash) throws SQLException {
    SplittableRandom random = new SplittableRandom(dataset.seed ^ 0x5EC2E7L);
    long now = Generator.LAST.toEpochMilli();
    for (int rank = 1; rank < dataset.users; rank++) {
      long id =
          db.insertInto(USERS, USERS.NAME, USERS.PASSWORD_HASH, USERS.CREATED_AT, USERS.FEED_SECRET)
              .values(dataset.userName(rank), hash, now, hex(random).toLowerCase())
              .returning(USERS.ID)
              .fetchOne(USERS.ID);
      userIds[rank] = id;
      db.insertInto(API_TOKENS, API_TOKENS.USER_ID, API_TOKENS.SECRET, API_TOKENS.CREATED_AT)
          .values(id, hex(random), now)
          .execute();
    }
    connection.commit();
  }

  private static String hex(SplittableRandom random) {
    byte[] bytes = new byte[10];
    random.nextBytes(bytes);
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }

  /** Inserts one batch of posts (and the tags they introduce) with their journal rows. */
  void accept(List<Generator.Post> posts) {
    BatchBindStep bookmarks =
        db.batch(
            db.insertInto(
                    BOOKMARKS,
                    BOOKMARKS.ID,
                    BOOKMARKS.USER_ID,
                    BOOKMARKS.URL,
                    BOOKMARKS.URL_KEY,
                    BOOKMARKS.HASH,
                    BOOKMARKS.TITLE,
                    BOOKMARKS.NOTES,
                    BOOKMARKS.SHARED,
                    BOOKMARKS.TOREAD,
                    BOOKMARKS.CREATED_AT,
                    BOOKMARKS.UPDATED_AT)
                .values(
                    (Long) null,
                    (Long) null,
                    (String) null,
                    (String) null,
                    (String) null,
                    (String) null,
                    (String) null,
                    (Boolean) null,
                    (Boolean) null,
                    (Long) null,
                    (Long) null));
    BatchBindStep tags =
        db.batch(
            db.insertInto(TAGS, TAGS.ID, TAGS.USER_ID, TAGS.TAG_KEY, TAGS.NAME)
                .values((Long) null, (Long) null, (String) null, (String) null));
    BatchBindStep tagLinks =
        db.batch(
            db.insertInto(
                    BOOKMARK_TAGS,
                    BOOKMARK_TAGS.BOOKMARK_ID,
                    BOOKMARK_TAGS.TAG_ID,
                    BOOKMARK_TAGS.POSITION)
                .values((Long) null, (Long) null, (Long) null));
    BatchBindStep journal =
        db.batch(db.insertInto(CHANGES, CHANGES.BOOKMARK_ID).values((Long) null));
    int newTags = 0;
    for (Generator.Post p : posts) {
      long user = userIds[p.user()];
      bookmarks.bind(
          p.id(),
          user,
          p.url(),
          UrlKey.of(p.url()).value(),
          PinboardHash.of(p.url()),
          p.title(),
          p.notes(),
          p.shared(),
          false,
          p.createdMillis(),
          p.createdMillis());
      for (int position = 0; position < p.tags().length; position++) {
        int rank = p.tags()[position];
        long key = (long) p.user() * dataset.tags + rank;
        int tagId = tagIds.get(key);
        if (tagId < 0) {
          tagId = nextTagId++;
          tagIds.put(key, tagId);
          tags.bind(tagId, user, tagNames[rank], tagNames[rank]);
          newTags++;
        }
        tagLinks.bind(p.id(), tagId, position);
        links++;
      }
      journal.bind(p.id());
      lastCreated[p.user()] = p.createdMillis();
    }
    bookmarks.execute();
    if (newTags > 0) {
      tags.execute();
    }
    tagLinks.execute();
    journal.execute();
    tagRows += newTags;
    sinceCommit += posts.size();
    if (sinceCommit >= COMMIT_EVERY) {
      commit();
    }
  }

  private void commit() {
    try {
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    sinceCommit = 0;
  }

  @Override
  public void close() throws SQLException {
    for (int rank = 0; rank < dataset.users; rank++) {
      db.update(USERS)
          .set(USERS.BOOKMARKS_CHANGED_AT, lastCreated[rank])
          .where(USERS.ID.eq(userIds[rank]))
          .execute();
    }
    commit();
    try (var s = connection.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    connection.close();
  }
}
