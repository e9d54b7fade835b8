package cairn.exchange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The folders of a browser's JSON bookmark tree (Chrome, Firefox) as tags, the way {@link
 * NetscapeReader} turns the same folders of an HTML export into tags: each folder's name, outermost
 * first, none for the browser's own containers (bookmarks bar, menu, other, mobile).
 *
 * <p>Chrome writes a folder's keys in alphabetical order, so its {@code children} come before its
 * {@code name}: an entry waits until every folder around it is settled (its name read, or the
 * folder closed), and so does every entry after it, to keep file order. Memory grows with the
 * largest folder, never with the file; with folders off nothing waits.
 */
final class BrowserFolders {
  /** One folder of the tree; its tag is known once it is settled. */
  static final class Folder {
    private final Folder parent;
    private String tag;
    private boolean settled;

    private Folder(Folder parent) {
      this.parent = parent;
    }
  }

  private record Held(Folder folder, Function<List<String>, ImportEntry> entry) {}

  private final boolean foldersAsTags;
  private final Consumer<ImportEntry> sink;
  private final Deque<Held> held = new ArrayDeque<>();

  BrowserFolders(boolean foldersAsTags, Consumer<ImportEntry> sink) {
    this.foldersAsTags = foldersAsTags;
    this.sink = sink;
  }

  /** A folder inside {@code parent} ({@code null} at the top), not settled yet. */
  Folder open(Folder parent) {
    return new Folder(parent);
  }

  /** The folder's name is known: {@code null} for a browser container, which gives no tag. */
  void settle(Folder folder, String name) {
    if (folder.settled) {
      return;
    }
    folder.tag = name == null ? null : ImportFields.folderTag(name);
    folder.settled = true;
    release();
  }

  /** Passes on the entry {@code entry} makes of its folder tags once they are known. */
  void entry(Folder folder, Function<List<String>, ImportEntry> entry) {
    if (!foldersAsTags) {
      sink.accept(entry.apply(List.of()));
      return;
    }
    held.add(new Held(folder, entry));
    release();
  }

  /** The file has ended (or broken off): what still waits goes with the tags known so far. */
  void finish() {
    while (!held.isEmpty()) {
      Held h = held.removeFirst();
      sink.accept(h.entry().apply(tags(h.folder())));
    }
  }

  private void release() {
    while (!held.isEmpty() && settled(held.peekFirst().folder())) {
      Held h = held.removeFirst();
      sink.accept(h.entry().apply(tags(h.folder())));
    }
  }

  private static boolean settled(Folder folder) {
    for (Folder f = folder; f != null; f = f.parent) {
      if (!f.settled) {
        return false;
      }
    }
    return true;
  }

  private static List<String> tags(Folder folder) {
    List<String> tags = new ArrayList<>();
    for (Folder f = folder; f != null; f = f.parent) {
      if (f.tag != null) {
        tags.addFirst(TextDecoding.repair(f.tag));
      }
    }
    return tags;
  }
}
