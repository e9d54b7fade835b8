package cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.CairnProcess;
import cairn.support.TestStore;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code cairn import} killed with SIGKILL half-way, then run again, leaves exactly what one run
 * that was never interrupted leaves: batches are whole or absent, and a second run merges what the
 * first committed without doubling or changing it.
 */
class ImportKillIT {
  private static final int ENTRIES = 30_000;

  @Test
  void anImportKilledHalfWayAndRunAgainEndsAsOneUninterruptedRun() throws Exception {
    Path file = Files.createTempFile("cairn-kill-", ".html");
    writeNetscape(file);

    Path once = TestStore.newDataDir();
    CairnProcess.userAdd(once, "jm", "correct horse");
    assertEquals(0, finish(CairnProcess.launch(once, "import", file.toString(), "--user", "jm")));

    Path killed = TestStore.newDataDir();
    CairnProcess.userAdd(killed, "jm", "correct horse");
    Process first = CairnProcess.launch(killed, "import", file.toString(), "--user", "jm");
    int seen = 0;
    for (int i = 0; i < 6000 && first.isAlive(); i++) {
      seen = count(killed);
      if (seen >= 1_000) {
        break;
      }
      TimeUnit.MILLISECONDS.sleep(20); // polling another process's store: no generation to wait on
    }
    first.destroyForcibly(); // SIGKILL
    first.waitFor();
    int afterKill = count(killed);
    System.out.printf(
        "ImportKillIT: killed with %d of %d bookmarks stored (seen %d)%n",
        afterKill, ENTRIES, seen);
    assertEquals(0, afterKill % 1_000, "a batch was half-written: " + afterKill);

    assertEquals(0, finish(CairnProcess.launch(killed, "import", file.toString(), "--user", "jm")));
    assertEquals(rows(once), rows(killed));
    assertEquals(ENTRIES, count(killed));
    assertEquals(journaled(killed), count(killed), "every bookmark has its journal row");
  }

  private static int finish(Process p) throws InterruptedException {
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the import never finished");
    return p.exitValue();
  }

  private static void writeNetscape(Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n");
      for (int i = 0; i < ENTRIES; i++) {
        out.write(
            "<DT><A HREF=\"https://kill.example.com/"
                + i
                + "\" ADD_DATE=\""
                + (1_500_000_000L + i * 600L)
                + "\" PRIVATE=\""
                + (i % 3 == 0 ? 1 : 0)
                + "\" TAGS=\"t"
                + (i % 17)
                + ",u"
                + (i % 5)
                + "\">Bookmark "
                + i
                + "</A>\n<DD>notes of "
                + i
                + "\n");
      }
      out.write("</DL><p>\n");
    }
  }

  private static Connection store(Path home) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + home.resolve("data/cairn.db"));
  }

  private static int count(Path home) throws SQLException {
    if (!Files.exists(home.resolve("data/cairn.db"))) {
      return 0;
    }
    try (Connection c = store(home);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select count(*) from bookmarks")) {
      return r.getInt(1);
    }
  }

  private static int journaled(Path home) throws SQLException {
    try (Connection c = store(home);
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select count(distinct bookmark_id) from changes"
                    + " where bookmark_id in (select id from bookmarks)")) {
      return r.getInt(1);
    }
  }

  /** Every bookmark as its fields and tags, in URL order; ids and import times may differ. */
  private static List<String> rows(Path home) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = store(home);
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select b.url, b.title, b.notes, b.shared, b.toread, b.created_at,"
                    + " (select group_concat(name, ' ') from (select t.name from bookmark_tags bt"
                    + " join tags t on t.id = bt.tag_id where bt.bookmark_id = b.id"
                    + " order by bt.position))"
                    + " from bookmarks b order by b.url")) {
      while (r.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
          row.append(r.getString(i)).append('|');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
