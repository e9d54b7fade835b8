package cairn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The design a simpler service would use, for comparison on the same data: the "toxi" three-table
 * schema (bookmarks, global tags, bookmark_tags) in its own SQLite file, with FTS5 for text. Built
 * from a Cairn store with {@code ATTACH} and {@code INSERT … SELECT}, indexes after the data, then
 * {@code ANALYZE}, so the planner has statistics: the best case for this design.
 */
final class SqlDesign {
  private SqlDesign() {}

  static String url(Path file) {
    return "jdbc:sqlite:"
        + file
        + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000&transaction_mode=IMMEDIATE"
        + "&cache_size=-65536";
  }

  /** Builds {@code sqlFile} afresh from the Cairn store {@code cairnDb}; returns milliseconds. */
  static long build(Path cairnDb, Path sqlFile) throws Exception {
    Files.deleteIfExists(sqlFile);
    Files.deleteIfExists(Path.of(sqlFile + "-wal"));
    Files.deleteIfExists(Path.of(sqlFile + "-shm"));
    long start = System.nanoTime();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + sqlFile + "?journal_mode=WAL&synchronous=OFF&cache_size=-262144");
        Statement s = c.createStatement()) {
      s.execute("ATTACH DATABASE '" + cairnDb.toString().replace("'", "''") + "' AS c");
      c.setAutoCommit(false);
      for (String sql : SCHEMA_AND_DATA) {
        s.execute(sql);
      }
      c.commit();
      c.setAutoCommit(true);
      s.execute("DETACH DATABASE c");
      s.execute("ANALYZE");
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static final String[] SCHEMA_AND_DATA = {
    "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, token TEXT)",
    """
    CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, url TEXT NOT NULL,
      title TEXT NOT NULL, notes TEXT NOT NULL, shared INTEGER NOT NULL, toread INTEGER NOT NULL,
      created_at INTEGER NOT NULL)""",
    "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
    // clustered by tag: each tag's bookmark ids are one contiguous, sorted run (INTERSECT food)
    """
    CREATE TABLE bookmark_tags (tag_id INTEGER NOT NULL, bookmark_id INTEGER NOT NULL,
      PRIMARY KEY (tag_id, bookmark_id)) WITHOUT ROWID""",
    "CREATE VIRTUAL TABLE bookmarks_fts USING fts5(title, notes, url, tags)",
    """
    INSERT INTO users SELECT u.id, u.name, u.name || ':' || t.secret
      FROM c.users u LEFT JOIN c.api_tokens t ON t.user_id = u.id""",
    """
    INSERT INTO bookmarks SELECT id, user_id, url, title, notes, shared, toread, created_at
      FROM c.bookmarks ORDER BY id""",
    "INSERT INTO tags (name) SELECT DISTINCT tag_key FROM c.tags ORDER BY tag_key",
    """
    INSERT INTO bookmark_tags SELECT g.id, bt.bookmark_id
      FROM c.bookmark_tags bt JOIN c.tags ct ON ct.id = bt.tag_id JOIN tags g ON g.name = ct.tag_key
      ORDER BY 1, 2""",
    "CREATE INDEX bookmark_tags_bookmark ON bookmark_tags (bookmark_id, tag_id)",
    """
    INSERT INTO bookmarks_fts (rowid, title, notes, url, tags)
      SELECT b.id, b.title, b.notes, b.url,
        (SELECT group_concat(t.name, ' ') FROM bookmark_tags bt JOIN tags t ON t.id = bt.tag_id
          WHERE bt.bookmark_id = b.id)
      FROM bookmarks b""",
    "CREATE INDEX bookmarks_user_created ON bookmarks (user_id, created_at)",
    "CREATE INDEX bookmarks_created ON bookmarks (created_at)",
  };

  static Connection connect(Path file) throws SQLException {
    return DriverManager.getConnection(url(file));
  }
}
