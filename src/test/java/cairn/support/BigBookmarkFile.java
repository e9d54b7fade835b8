package cairn.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Netscape bookmark file written on the fly into a temporary file: {@code entries} distinct
 * bookmarks whose long notes make up most of its size, so that a file of tens of megabytes stays a
 * few thousand bookmarks to import.
 */
public final class BigBookmarkFile {
  private static final String[] WORDS = {
    "lucene", "raft", "paxos", "quorum", "shard", "replica", "journal", "compaction", "gossip",
    "vector", "clock", "lease", "fencing", "snapshot", "merkle", "bloom", "cursor", "index"
  };

  private BigBookmarkFile() {}

  /** Writes the file and returns it; it is removed when the JVM exits. */
  public static Path write(int entries, int notesChars) {
    try {
      Path file = Files.createTempFile("cairn-big-", ".html");
      file.toFile().deleteOnExit();
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<DL><p>\n");
        StringBuilder notes = new StringBuilder(notesChars + 16);
        for (int i = 0; i < entries; i++) {
          notes.setLength(0);
          for (int w = i; notes.length() < notesChars; w += 7) {
            notes.append(WORDS[w % WORDS.length]).append(' ');
          }
          out.write("<DT><A HREF=\"https://big.example/" + i + "\" ADD_DATE=\"");
          out.write(Long.toString(1_500_000_000L + i));
          out.write("\" TAGS=\"big," + WORDS[i % WORDS.length] + "\">Entry " + i + "</A>\n<DD>");
          out.write(notes.toString());
          out.write('\n');
        }
        out.write("</DL><p>\n");
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
