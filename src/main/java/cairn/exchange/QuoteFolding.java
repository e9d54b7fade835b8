package cairn.exchange;

import java.util.List;

/**
 * How quotes travel in formats that have no place for them (Pinboard JSON, Delicious XML): folded
 * into the notes as {@code > } blocks after a blank line, so other services show them, and listed
 * again in a field of Cairn's own, so Cairn can take them back out exactly.
 */
final class QuoteFolding {
  private QuoteFolding() {}

  /** The notes followed by each quote as a {@code > } block. */
  static String fold(String notes, List<String> quotes) {
    if (quotes.isEmpty()) {
      return notes;
    }
    StringBuilder out = new StringBuilder(notes);
    for (String quote : quotes) {
      if (!out.isEmpty()) {
        out.append("\n\n");
      }
      out.append("> ").append(quote.replace("\n", "\n> "));
    }
    return out.toString();
  }

  /**
   * The notes without the folded {@code quotes}, when they end exactly as {@link #fold} wrote them;
   * otherwise (someone edited them) the notes as they are.
   */
  static String unfold(String folded, List<String> quotes) {
    if (quotes.isEmpty()) {
      return folded;
    }
    String block = fold("", quotes);
    if (folded.equals(block)) {
      return "";
    }
    String tail = "\n\n" + block;
    return folded.endsWith(tail) ? folded.substring(0, folded.length() - tail.length()) : folded;
  }
}
