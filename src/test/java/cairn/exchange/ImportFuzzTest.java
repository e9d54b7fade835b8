package cairn.exchange;

import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.db.schema.Tables.CHANGES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import cairn.input.InvalidInputException;
import cairn.support.Sql;
import cairn.support.TestStore;
import cairn.user.UserService;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * Seeded random damage to real files — cuts, flipped bytes, lost and repeated stretches, stray
 * markup — never makes the importer throw anything but a refusal of the whole file, and whatever it
 * does write is whole: the report accounts for every entry read, and every bookmark written has its
 * journal row. A failing round names its seed, so it can be replayed.
 */
@MicronautTest(transactional = false, startApplication = false)
class ImportFuzzTest implements TestPropertyProvider {
  private static final long SEED = 20_240_601L;
  private static final int ROUNDS = 250;
  private static final int LARGEST_SHARED_FIXTURE = 20_000;
  private static final List<String> OWN =
      List.of(
          "import/core.html",
          "nested.html",
          "loose.html",
          "pinboard.json",
          "delicious.xml",
          "windows-1252.html");
  private static final String[] JUNK = {
    "<", ">", "\"", "'", "&", "&#", "\0", "</DL>", "<DL><p>", "<DT>", "<DD>", "</A>", "<A HREF=",
    "<H3>", "<BLOCKQUOTE>", "{", "}", "[", "]", ",", ":", "<post ", "/>", "<!--", "\uFFFD", "\u00e9"
  };

  @Inject ImportService imports;
  @Inject UserService users;
  @Inject Sql sql;

  @Override
  public Map<String, String> getProperties() {
    return TestStore.properties();
  }

  @Test
  void damagedFilesAreImportedInWholeBatchesOrRefusedNeverCrashed() throws IOException {
    List<byte[]> sources = sources();
    long user = users.create(TestStore.uniqueName("fuzz"), "password-z").user().id();
    for (int round = 0; round < ROUNDS; round++) {
      Random random = new Random(SEED + round);
      byte[] file = mutate(sources.get(random.nextInt(sources.size())), random);
      sql.run(db -> db.deleteFrom(BOOKMARKS).where(BOOKMARKS.USER_ID.eq(user)).execute());
      try {
        ImportReport report =
            imports.importFile(
                user,
                new ByteArrayInputStream(file),
                "fuzz",
                ImportOptions.DEFAULTS,
                ImportProgress.NONE);
        checkWhole(round, user, report);
      } catch (InvalidInputException e) {
        assertEquals("file", e.field(), "round " + round + ": " + e);
        assertEquals(0, bookmarks(user), "round " + round + ": refused, yet written");
      } catch (RuntimeException | IOException | StackOverflowError e) {
        fail("round " + round + " (seed " + (SEED + round) + ") threw", e);
      }
    }
  }

  private void checkWhole(int round, long user, ImportReport report) {
    String where = "round " + round + " (seed " + (SEED + round) + "): " + report;
    assertEquals(
        report.read(),
        report.imported() + report.merged() + report.unchanged() + report.skippedCount(),
        where);
    assertEquals(report.imported(), bookmarks(user), where);
    int withoutJournal =
        sql.count(
            BOOKMARKS,
            BOOKMARKS
                .USER_ID
                .eq(user)
                .andNotExists(
                    DSL.selectOne().from(CHANGES).where(CHANGES.BOOKMARK_ID.eq(BOOKMARKS.ID))));
    assertEquals(0, withoutJournal, where + ": bookmarks without their journal row");
  }

  private int bookmarks(long user) {
    return sql.count(BOOKMARKS, BOOKMARKS.USER_ID.eq(user));
  }

  /** The project's own fixtures, and the shared ones small enough to fuzz quickly, if present. */
  private List<byte[]> sources() throws IOException {
    List<byte[]> sources = new ArrayList<>();
    for (String name : OWN) {
      try (InputStream in = getClass().getResourceAsStream("/exchange/" + name)) {
        sources.add(in.readAllBytes());
      }
    }
    for (String folder : List.of("netscape", "exports_json_xml")) {
      Path dir = FixtureFacts.DIR.resolve(folder);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.sorted().toList()) {
            if (Files.size(f) > 0 && Files.size(f) <= LARGEST_SHARED_FIXTURE) {
              sources.add(Files.readAllBytes(f));
            }
          }
        }
      }
    }
    return sources;
  }

  /** One to four kinds of damage, each at a random place. */
  static byte[] mutate(byte[] source, Random random) {
    byte[] file = source;
    int kinds = 1 + random.nextInt(4);
    for (int k = 0; k < kinds && file.length > 0; k++) {
      int at = random.nextInt(file.length);
      file =
          switch (random.nextInt(5)) {
            case 0 -> slice(file, 0, at);
            case 1 -> flip(file, random, 1 + random.nextInt(16));
            case 2 ->
                splice(file, at, at + random.nextInt(Math.min(400, file.length - at) + 1), "");
            case 3 ->
                splice(
                    file,
                    at,
                    at,
                    new String(
                        slice(file, at, at + random.nextInt(300)), StandardCharsets.ISO_8859_1));
            default -> splice(file, at, at, JUNK[random.nextInt(JUNK.length)]);
          };
    }
    return file;
  }

  private static byte[] slice(byte[] file, int from, int to) {
    byte[] out = new byte[Math.min(to, file.length) - from];
    System.arraycopy(file, from, out, 0, out.length);
    return out;
  }

  private static byte[] flip(byte[] file, Random random, int times) {
    byte[] out = file.clone();
    for (int i = 0; i < times; i++) {
      out[random.nextInt(out.length)] = (byte) random.nextInt(256);
    }
    return out;
  }

  private static byte[] splice(byte[] file, int from, int to, String insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + insert.length());
    out.write(file, 0, from);
    out.writeBytes(insert.getBytes(StandardCharsets.ISO_8859_1));
    out.write(file, to, file.length - to);
    return out.toByteArray();
  }
}
