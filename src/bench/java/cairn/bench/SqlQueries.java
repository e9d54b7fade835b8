package cairn.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One client's connection to the {@link SqlDesign} store, answering the benchmark's questions the
 * way a simple service would: the matching set as one CTE (tags by INTERSECT, text by FTS5), then
 * the page by ORDER BY … LIMIT/OFFSET with each row's tags, the total by count(*), and the related
 * tags by GROUP BY — three statements, like the page a listing shows. Statements are prepared once
 * per connection.
 */
final class SqlQueries implements AutoCloseable {
  static final String TAG_IDS =
      "SELECT bookmark_id FROM bookmark_tags WHERE tag_id = (SELECT id FROM tags WHERE name = ?)";
  private static final String ROW_TAGS =
      "(SELECT group_concat(t.name, ' ') FROM bookmark_tags bt JOIN tags t ON t.id = bt.tag_id"
          + " WHERE bt.bookmark_id = b.id)";

  private static final String RELATED =
      "SELECT t.name, count(*) FROM m JOIN bookmark_tags bt ON bt.bookmark_id = m.id"
          + " JOIN tags t ON t.id = bt.tag_id GROUP BY t.id ORDER BY t.name";

  /** What a listing asks: whose (null: everyone's shared), tags, text, page. */
  record Ask(Long owner, boolean ownView, List<String> tags, String text, int perPage, int offset) {
    Ask {
      tags = List.copyOf(tags);
      text = text == null ? "" : text;
    }
  }

  private final Connection c;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();

  SqlQueries(Connection connection) {
    this.c = connection;
  }

  /** Page + total + related tags, as a listing page or the JSON API returns them. */
  int listing(Ask ask) throws SQLException {
    String with = "WITH m AS (" + matches(ask) + ") ";
    int rows = rows(with + pageSql(), ask, ask.perPage, ask.offset);
    rows += rows(with + "SELECT count(*) FROM m", ask);
    rows += rows(with + RELATED, ask);
    return rows;
  }

  /**
   * Page + total + related tags over the matches of {@code matchesSql} ({@code id, created_at}
   * rows; {@code params} bind it), for questions {@link Ask} does not cover.
   */
  int listing(String matchesSql, List<Object> params, int perPage) throws SQLException {
    String with = "WITH m AS (" + matchesSql + ") ";
    int rows = bound(with + pageSql(), params, perPage, 0);
    rows += bound(with + "SELECT count(*) FROM m", params);
    rows += bound(with + RELATED, params);
    return rows;
  }

  /** Any other question, bound with {@code params} in order; returns the row count. */
  int query(String sql, Object... params) throws SQLException {
    return rows(sql, new Ask(null, true, List.of(), "", 0, 0), params);
  }

  /** Just the page with its rows' tags (Pinboard's posts/recent, posts/all, posts/get). */
  int page(Ask ask) throws SQLException {
    return rows("WITH m AS (" + matches(ask) + ") " + pageSql(), ask, ask.perPage, ask.offset);
  }

  /** Pinboard posts/get with tags and no date: the matches on the day of the newest match. */
  int newestDay(Ask ask) throws SQLException {
    String with =
        "WITH m AS (" + matches(ask) + "), d AS (SELECT max(created_at) / 86400000 AS day FROM m) ";
    return rows(
        with
            + "SELECT b.id, b.url, b.title, b.notes, b.created_at, "
            + ROW_TAGS
            + " FROM m JOIN bookmarks b ON b.id = m.id, d"
            + " WHERE m.created_at / 86400000 = d.day ORDER BY m.created_at DESC",
        ask);
  }

  /** Saves a bookmark with its tags and text index entry in one transaction. */
  void create(long owner, String url, String title, String notes, List<String> tags)
      throws SQLException {
    c.setAutoCommit(false);
    try {
      long id;
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO bookmarks (user_id, url, title, notes, shared, toread, created_at)"
                  + " VALUES (?, ?, ?, ?, 1, 0, ?) RETURNING id")) {
        s.setLong(1, owner);
        s.setString(2, url);
        s.setString(3, title);
        s.setString(4, notes);
        s.setLong(5, System.currentTimeMillis());
        try (ResultSet r = s.executeQuery()) {
          r.next();
          id = r.getLong(1);
        }
      }
      for (String tag : tags) {
        update("INSERT OR IGNORE INTO tags (name) VALUES (?)", tag);
        update(
            "INSERT OR IGNORE INTO bookmark_tags SELECT id, ? FROM tags WHERE name = ?", id, tag);
      }
      update(
          "INSERT INTO bookmarks_fts (rowid, title, notes, url, tags) VALUES (?, ?, ?, ?, ?)",
          id,
          title,
          notes,
          url,
          String.join(" ", tags));
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static String pageSql() {
    return "SELECT b.id, b.url, b.title, b.notes, b.created_at, "
        + ROW_TAGS
        + " FROM m JOIN bookmarks b ON b.id = m.id"
        + " ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?";
  }

  private static String matches(Ask ask) {
    StringBuilder where = new StringBuilder("1");
    if (ask.owner != null) {
      where.append(" AND b.user_id = ?");
    }
    if (!ask.ownView) {
      where.append(" AND b.shared = 1");
    }
    if (!ask.tags.isEmpty()) {
      where.append(" AND b.id IN (").append(String.join(" INTERSECT ", nCopies(ask))).append(')');
    }
    if (!ask.text.isEmpty()) {
      where.append(" AND b.id IN (SELECT rowid FROM bookmarks_fts WHERE bookmarks_fts MATCH ?)");
    }
    return "SELECT b.id, b.created_at FROM bookmarks b WHERE " + where;
  }

  private static List<String> nCopies(Ask ask) {
    return java.util.Collections.nCopies(ask.tags.size(), TAG_IDS);
  }

  /** Runs a query bound with the ask's parameters, then {@code extra}; returns the row count. */
  private int rows(String sql, Ask ask, Object... extra) throws SQLException {
    List<Object> params = new ArrayList<>();
    if (ask.owner != null) {
      params.add(ask.owner);
    }
    params.addAll(ask.tags);
    if (!ask.text.isEmpty()) {
      params.add(ftsQuery(ask.text));
    }
    return bound(sql, params, extra);
  }

  /** Runs a query bound with {@code params}, then {@code extra}; returns the row count. */
  private int bound(String sql, List<Object> params, Object... extra) throws SQLException {
    params = new ArrayList<>(params);
    params.addAll(List.of(extra));
    PreparedStatement s = prepared(sql);
    for (int i = 0; i < params.size(); i++) {
      s.setObject(i + 1, params.get(i));
    }
    int rows = 0;
    try (ResultSet r = s.executeQuery()) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        for (int i = 1; i <= columns; i++) {
          r.getObject(i);
        }
        rows++;
      }
    }
    return rows;
  }

  /** Every word must match (FTS5's implicit AND), each quoted so it is taken literally. */
  private static String ftsQuery(String text) {
    StringBuilder q = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (!word.isEmpty()) {
        q.append(q.isEmpty() ? "" : " ").append('"').append(word.replace("\"", "")).append('"');
      }
    }
    return q.toString();
  }

  private void update(String sql, Object... params) throws SQLException {
    PreparedStatement s = prepared(sql);
    for (int i = 0; i < params.length; i++) {
      s.setObject(i + 1, params[i]);
    }
    s.executeUpdate();
  }

  private PreparedStatement prepared(String sql) throws SQLException {
    PreparedStatement s = prepared.get(sql);
    if (s == null) {
      s = c.prepareStatement(sql);
      prepared.put(sql, s);
    }
    return s;
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement s : prepared.values()) {
      s.close();
    }
    c.close();
  }
}
