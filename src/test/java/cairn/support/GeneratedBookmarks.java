package cairn.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a large Netscape bookmark file like a long-time Delicious user's: folders of 500 entries,
 * 0–6 tags from a vocabulary of 3,000, notes on every fourth, every tenth private, every twentieth
 * unread, dates in seconds spread over 2005–2024. The same seed gives the same file.
 *
 * <p>Run: {@code java -cp target/test-classes cairn.bench.GeneratedBookmarks 100000
 * target/bench/100k.html}
 */
public final class GeneratedBookmarks {
  private static final long FROM = 1_104_537_600L; // 2005-01-01
  private static final long SPAN = 20L * 365 * 24 * 3600;

  private GeneratedBookmarks() {}

  public static void main(String[] args) throws IOException {
    int n = Integer.parseInt(args[0]);
    Path file = Path.of(args[1]);
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      netscape(out, n, 42);
    }
    System.out.printf("%d bookmarks, %d bytes: %s%n", n, Files.size(file), file);
  }

  /** Writes {@code n} entries with distinct URLs. */
  public static void netscape(Writer to, int n, long seed) throws IOException {
    Writer out = to instanceof BufferedWriter ? to : new BufferedWriter(to, 1 << 16);
    Random random = new Random(seed);
    out.write(
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n"
            + "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=UTF-8\">\n"
            + "<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n");
    for (int i = 0; i < n; i++) {
      if (i % 500 == 0) {
        out.write(i == 0 ? "" : "</DL><p>\n");
        out.write("<DT><H3>Folder " + (i / 500) + "</H3>\n<DL><p>\n");
      }
      long added = FROM + (long) (random.nextDouble() * SPAN);
      out.write("<DT><A HREF=\"https://site" + random.nextInt(5000) + ".example.com/page/" + i);
      out.write("?ref=feed&amp;n=" + i + "\" ADD_DATE=\"" + added + "\"");
      out.write(" PRIVATE=\"" + (i % 10 == 0 ? 1 : 0) + "\" TOREAD=\"" + (i % 20 == 0 ? 1 : 0));
      out.write("\" TAGS=\"" + tags(random) + "\">Page " + i + " about things &amp; stuff</A>\n");
      if (i % 4 == 0) {
        out.write("<DD>Notes for page " + i + ": something worth remembering.\nSecond line.\n");
      }
    }
    out.write(n > 0 ? "</DL><p>\n</DL><p>\n" : "</DL><p>\n");
    out.flush();
  }

  private static String tags(Random random) {
    StringBuilder tags = new StringBuilder();
    int count = random.nextInt(7);
    for (int t = 0; t < count; t++) {
      // a skewed vocabulary: a few tags are everywhere, most are rare
      int tag = (int) (3000 * Math.pow(random.nextDouble(), 3));
      tags.append(t == 0 ? "" : ",").append("tag").append(tag);
    }
    return tags.toString();
  }
}
