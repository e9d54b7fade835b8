package cairn.exchange;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How a Netscape file separates the tags in its {@code TAGS} attributes, learnt while reading it.
 * Delicious, Pinboard, Firefox and Cairn write commas, and Delicious tags may hold spaces ({@code
 * TAGS="ubicomp,digital humanities"}); Shaarli writes spaces ({@code TAGS="private secret"}). A
 * file with a comma in any {@code TAGS} separates by commas; one without, by spaces.
 *
 * <p>Until the file has shown a comma, an entry whose tags have a space but no comma ({@code
 * TAGS="digital humanities"}) could be either, so it and every entry after it are held back (in
 * file order) until a comma decides, the file ends, or {@value #MAX_HELD} entries are waiting: then
 * the file is taken to separate by spaces, which keeps memory bounded.
 */
final class TagSeparation {
  static final int MAX_HELD = 1000;

  private static final Pattern SPACE = Pattern.compile("\\s", Pattern.UNICODE_CHARACTER_CLASS);

  private enum Mode {
    UNKNOWN,
    COMMAS,
    SPACES
  }

  /** An entry still waiting for its tags text to be split. */
  private record Held(String tags, Function<ImportFields.Tags, ImportEntry> entry) {}

  private final Consumer<ImportEntry> sink;
  private final Deque<Held> held = new ArrayDeque<>();
  private Mode mode;

  /** {@code splitOnSpaces} splits every file on spaces and commas, as Cairn did before. */
  TagSeparation(boolean splitOnSpaces, Consumer<ImportEntry> sink) {
    this.sink = sink;
    this.mode = splitOnSpaces ? Mode.SPACES : Mode.UNKNOWN;
  }

  /** Passes on the entry {@code entry} makes of {@code tags} once the file's separator is known. */
  void accept(String tags, Function<ImportFields.Tags, ImportEntry> entry) {
    if (mode == Mode.UNKNOWN) {
      if (tags.indexOf(',') >= 0) {
        mode = Mode.COMMAS;
      } else if (!held.isEmpty() || SPACE.matcher(tags.strip()).find()) {
        held.add(new Held(tags, entry));
        if (held.size() >= MAX_HELD) {
          mode = Mode.SPACES;
          release();
        }
        return;
      }
    }
    release();
    sink.accept(entry.apply(split(tags)));
  }

  /** The file has ended: what is still held separates by spaces, as no comma was seen. */
  void finish() {
    if (mode == Mode.UNKNOWN) {
      mode = Mode.SPACES;
    }
    release();
  }

  private void release() {
    while (!held.isEmpty()) {
      Held h = held.removeFirst();
      sink.accept(h.entry().apply(split(h.tags())));
    }
  }

  private ImportFields.Tags split(String tags) {
    if (mode == Mode.COMMAS) {
      return ImportFields.splitOnCommas(tags, TextDecoding::repair);
    }
    List<String> split =
        ImportFields.splitTags(tags).stream().map(TextDecoding::repair).distinct().toList();
    return new ImportFields.Tags(split, List.of());
  }
}
