package cairn.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;

/**
 * Reads Netscape bookmark HTML ({@code <!DOCTYPE NETSCAPE-Bookmark-file-1>}) as browsers and
 * services write it, in memory that stays flat however long the file.
 *
 * <p>jsoup's {@link StreamParser} repairs the unclosed {@code <DT>}, {@code <DD>} and {@code <p>}
 * every exporter writes and hands over each element once it is complete; the reader removes what it
 * has used. An {@code <H3>} names the next {@code <DL>}, which is a folder; an {@code <A>} is an
 * entry; a {@code <DD>} right after it holds its notes, and a {@code <BLOCKQUOTE>} in that {@code
 * <DD>} a quote (Cairn's own export writes quotes so). Because elements arrive children first, the
 * reader notices a {@code <DL>} or {@code <DD>} when the first element inside it (or it itself)
 * completes, which keeps the document order the rules depend on. This copes with files without a
 * {@code <DL>}, without a doctype, or with junk after the list.
 */
public final class NetscapeReader implements BookmarkReader {
  /** Browser containers (Chrome's bookmarks bar, Firefox's unfiled) are not the user's folders. */
  private static final Set<String> CONTAINER_MARKS =
      Set.of("personal_toolbar_folder", "unfiled_bookmarks_folder");

  /** Elements that are done with once handled; their removal keeps memory flat. */
  private static final Set<String> DISPOSABLE = Set.of("dt", "dl", "dd", "h3", "hr");

  private final boolean foldersAsTags;
  private final boolean splitTagsOnSpaces;

  /** A reader that turns folder names into tags. */
  public NetscapeReader() {
    this(true);
  }

  /** A reader that turns folder names into tags only if {@code foldersAsTags}. */
  public NetscapeReader(boolean foldersAsTags) {
    this(foldersAsTags, false);
  }

  /**
   * A reader that turns folder names into tags only if {@code foldersAsTags}, and that splits
   * {@code TAGS} on spaces as well as commas if {@code splitTagsOnSpaces} (see {@link
   * TagSeparation} for what it does otherwise).
   */
  public NetscapeReader(boolean foldersAsTags, boolean splitTagsOnSpaces) {
    this.foldersAsTags = foldersAsTags;
    this.splitTagsOnSpaces = splitTagsOnSpaces;
  }

  @Override
  public void read(InputStream in, Consumer<ImportEntry> sink) throws IOException {
    Parser parser = Parser.htmlParser().setTrackPosition(true);
    try (StreamParser stream = new StreamParser(parser).parse(TextDecoding.reader(in), "")) {
      TagSeparation separation = new TagSeparation(splitTagsOnSpaces, sink);
      Walker walker = new Walker(separation);
      Iterator<Element> elements = stream.iterator();
      while (elements.hasNext()) {
        walker.completed(elements.next());
      }
      walker.flush();
      separation.finish();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Keeps the open folders and the entry still waiting for its notes as elements complete. */
  private final class Walker {
    private final TagSeparation sink;

    /** Open {@code <DL>}s (to their folder tag, or null) and {@code <DD>}s already noticed. */
    private final Map<Element, String> open = new IdentityHashMap<>();

    private String pendingFolder;
    private Element current;
    private int currentLine;
    private List<String> currentFolders;
    private Element currentNotes;
    private int position;

    Walker(TagSeparation sink) {
      this.sink = sink;
    }

    void completed(Element el) {
      noticeOpened(el);
      switch (el.normalName()) {
        case "a" -> {
          if (isEntry(el)) {
            flush();
            pendingFolder = null;
            current = el;
            currentLine = el.sourceRange().start().lineNumber();
            currentFolders = folderTags(el);
            discard(el);
          }
        }
        case "h3" -> {
          flush();
          boolean container = CONTAINER_MARKS.stream().anyMatch(el::hasAttr);
          pendingFolder = container ? null : ImportFields.folderTag(el.text());
        }
        case "dl" -> flush();
        default -> {}
      }
      open.remove(el);
      if (DISPOSABLE.contains(el.normalName())) {
        discard(el);
      }
    }

    /**
     * Handles the start of each {@code <DL>} and {@code <DD>} around (or being) {@code el} that has
     * not been seen yet, outermost first, as a walk in document order would have met them.
     */
    private void noticeOpened(Element el) {
      Deque<Element> unseen = new ArrayDeque<>();
      for (Element e = el; e != null && !open.containsKey(e); e = e.parent()) {
        String name = e.normalName();
        if (name.equals("dl") || name.equals("dd")) {
          unseen.push(e);
        }
      }
      for (Element e : unseen) {
        if (e.normalName().equals("dl")) {
          open.put(e, pendingFolder);
          pendingFolder = null;
        } else {
          open.put(e, null);
          if (current != null && currentNotes == null) {
            currentNotes = e;
          }
        }
      }
    }

    void flush() {
      if (current == null) {
        return;
      }
      Element a = current;
      List<String> folders = currentFolders;
      Instant created = ImportFields.epoch(a.attr("add_date"));
      if (created == null) {
        created = ImportFields.epoch(a.attr("last_modified"));
      }
      DdText dd = currentNotes == null ? DdText.EMPTY : DdText.of(currentNotes);
      String notes = dd.notes();
      if (notes.isEmpty()) {
        // Scuttle writes the notes into an attribute instead of a <DD>
        notes = a.attr("description").strip();
      }
      int entryPosition = ++position;
      int line = currentLine;
      String url = a.attr("href");
      String title = TextDecoding.repair(a.text());
      String repairedNotes = TextDecoding.repair(notes);
      List<String> quotes = dd.quotes().stream().map(TextDecoding::repair).toList();
      boolean shared = !ImportFields.yes(a.attr("private"));
      boolean toread = ImportFields.yes(a.attr("toread"));
      Instant date = created;
      sink.accept(
          a.attr("tags"),
          split -> {
            Set<String> tags = new LinkedHashSet<>(split.tags());
            tags.addAll(folders);
            return new ImportEntry(
                entryPosition,
                line,
                url,
                title,
                repairedNotes,
                quotes,
                List.copyOf(tags),
                shared,
                toread,
                date,
                split.joined());
          });
      current = null;
      currentNotes = null;
    }

    private List<String> folderTags(Element a) {
      if (!foldersAsTags) {
        return List.of();
      }
      List<String> tags = new ArrayList<>();
      for (Element p = a.parent(); p != null; p = p.parent()) {
        String folder = p.normalName().equals("dl") ? open.get(p) : null;
        if (folder != null) {
          tags.addFirst(TextDecoding.repair(folder));
        }
      }
      return tags;
    }
  }

  /**
   * Removes a handled element, with the text just before it, from the partial document. Whatever
   * still needs it (the entry, its notes) keeps a reference; the tree no longer does.
   */
  private static void discard(Element el) {
    Node before = el.previousSibling();
    while (before instanceof TextNode text) {
      before = text.previousSibling();
      text.remove();
    }
    el.remove();
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
