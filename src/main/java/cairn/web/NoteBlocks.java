package cairn.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits plain-text notes into what the page shows: paragraphs (at blank lines, keeping their line
 * breaks) and preformatted blocks (fenced by a line of three backticks, or every line indented by
 * four spaces or a tab). Notes are never HTML; the template escapes every block.
 */
public final class NoteBlocks {
  /** One block of notes; {@code pre} for preformatted text. */
  public record Block(String text, boolean pre) {}

  private NoteBlocks() {}

  static List<Block> of(String notes) {
    List<Block> blocks = new ArrayList<>();
    if (notes == null || notes.isBlank()) {
      return blocks;
    }
    String[] lines = notes.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<String> current = new ArrayList<>();
    boolean fenced = false;
    for (String line : lines) {
      if (line.strip().startsWith("```")) {
        flush(blocks, current, fenced);
        fenced = !fenced;
      } else if (!fenced && line.isBlank()) {
        flush(blocks, current, false);
      } else {
        current.add(line);
      }
    }
    flush(blocks, current, fenced);
    return blocks;
  }

  private static void flush(List<Block> blocks, List<String> lines, boolean fenced) {
    if (lines.isEmpty()) {
      return;
    }
    boolean indented = lines.stream().allMatch(l -> l.startsWith("    ") || l.startsWith("\t"));
    String text =
        indented && !fenced
            ? String.join("\n", lines.stream().map(NoteBlocks::unindent).toList())
            : String.join("\n", lines);
    if (!text.isBlank()) {
      blocks.add(new Block(fenced || indented ? text : text.strip(), fenced || indented));
    }
    lines.clear();
  }

  private static String unindent(String line) {
    return line.startsWith("\t") ? line.substring(1) : line.substring(4);
  }
}
