package cairn.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Reads Netscape bookmark HTML ({@code <!DOCTYPE NETSCAPE-Bookmark-file-1>}) as browsers and
 * services write it.
 *
 * <p>The file is parsed by jsoup, which repairs the unclosed {@code <DT>}, {@code <DD>} and {@code
 * <p>} every exporter writes, then walked in document order: an {@code <H3>} names the next {@code
 * <DL>}, which is a folder until it closes; an {@code <A>} is an entry; a {@code <DD>} right after
 * it holds its notes. Walking in order rather than matching a tree shape copes with files without a
 * {@code <DL>}, without a doctype, or with junk after the list. The whole file is held in memory;
 * very large files will want jsoup's StreamParser.
 */
public final class NetscapeReader implements BookmarkReader {
  /** Browser containers (Chrome's bookmarks bar, Firefox's unfiled) are not the user's folders. */
  private static final Set<String> CONTAINER_MARKS =
      Set.of("personal_toolbar_folder", "unfiled_bookmarks_folder");

  private final boolean foldersAsTags;

  /** A reader that turns folder names into tags. */
  public NetscapeReader() {
    this(true);
  }

  /** A reader that turns folder names into tags only if {@code foldersAsTags}. */
  public NetscapeReader(boolean foldersAsTags) {
    this.foldersAsTags = foldersAsTags;
  }

  @Override
  public void read(InputStream in, Consumer<ImportEntry> sink) throws IOException {
    String html = TextDecoding.decode(in.readAllBytes());
    Walker walker = new Walker(sink);
    Jsoup.parse(html).traverse(walker);
    walker.flush();
  }

  /** Keeps the folder path and the entry still waiting for its notes while the tree is walked. */
  private final class Walker implements NodeVisitor {
    private final Consumer<ImportEntry> sink;
    private final List<String> folders = new ArrayList<>();
    private String pendingFolder;
    private Element current;
    private List<String> currentFolders;
    private StringBuilder notes;
    private boolean collecting;
    private int position;

    Walker(Consumer<ImportEntry> sink) {
      this.sink = sink;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode text) {
        if (collecting) {
          notes.append(text.getWholeText());
        }
        return;
      }
      if (!(node instanceof Element el)) {
        return;
      }
      switch (el.normalName()) {
        case "a" -> {
          if (isEntry(el)) {
            flush();
            pendingFolder = null;
            current = el;
            currentFolders = folderTags();
          }
        }
        case "h3" -> {
          flush();
          boolean container = CONTAINER_MARKS.stream().anyMatch(el::hasAttr);
          pendingFolder = container ? null : ImportFields.folderTag(el.text());
        }
        case "dl" -> {
          collecting = false;
          folders.add(pendingFolder);
          pendingFolder = null;
        }
        case "dt" -> collecting = false;
        case "dd" -> {
          if (current != null && notes == null) {
            notes = new StringBuilder();
            collecting = true;
          }
        }
        case "br" -> {
          if (collecting) {
            notes.append('\n');
          }
        }
        default -> {}
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element el) {
        switch (el.normalName()) {
          case "dl" -> {
            flush();
            if (!folders.isEmpty()) {
              folders.removeLast();
            }
          }
          case "dd" -> collecting = false;
          default -> {}
        }
      }
    }

    void flush() {
      if (current == null) {
        return;
      }
      Element a = current;
      Set<String> tags = new LinkedHashSet<>();
      for (String tag : ImportFields.splitTags(a.attr("tags"))) {
        tags.add(TextDecoding.repair(tag));
      }
      tags.addAll(currentFolders);
      Instant created = ImportFields.epoch(a.attr("add_date"));
      if (created == null) {
        created = ImportFields.epoch(a.attr("last_modified"));
      }
      String text = notes == null ? "" : notes.toString().replace("\r\n", "\n").strip();
      if (text.isEmpty()) {
        // Scuttle writes the notes into an attribute instead of a <DD>
        text = a.attr("description").strip();
      }
      sink.accept(
          new ImportEntry(
              ++position,
              a.attr("href"),
              TextDecoding.repair(a.text()),
              TextDecoding.repair(text),
              List.copyOf(tags),
              !ImportFields.yes(a.attr("private")),
              ImportFields.yes(a.attr("toread")),
              created));
      current = null;
      notes = null;
      collecting = false;
    }

    private List<String> folderTags() {
      if (!foldersAsTags) {
        return List.of();
      }
      return folders.stream().filter(f -> f != null).map(TextDecoding::repair).toList();
    }
  }

  /** A link inside a {@code <DD>} is part of some entry's notes, not an entry of its own. */
  private static boolean isEntry(Element a) {
    for (Element p = a.parent(); p != null; p = p.parent()) {
      switch (p.normalName()) {
        case "dt", "dl", "body" -> {
          return true;
        }
        case "dd" -> {
          return false;
        }
        default -> {}
      }
    }
    return true;
  }
}
