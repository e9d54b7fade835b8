package cairn.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * Notes written in HTML as text and quotes: the text, with line breaks and paragraphs kept, and the
 * text of each {@code <BLOCKQUOTE>} in it as a quote. Nothing of the HTML is kept, so nothing of it
 * is ever rendered. Netscape's {@code <DD>} is HTML ({@link #of}); Pinboard's {@code extended} is
 * text that often holds HTML, since Pinboard's bookmarklet wraps the selection in {@code
 * <blockquote>} ({@link #ofNote}).
 */
record DdText(String notes, List<String> quotes) {
  static final DdText EMPTY = new DdText("", List.of());

  /**
   * Block elements in a note that show it is HTML. Inline ones ({@code <b>}, {@code <a>}) alone do
   * not: people write about markup in plain notes ({@code use <b> for bold}), and Cairn's own
   * exports carry such notes as text.
   */
  private static final Pattern BLOCK_MARKUP =
      Pattern.compile(
          "<(?:blockquote|p|br|div|ul|ol|li|pre|h[1-6])(?:\\s[^<>]*)?/?>",
          Pattern.CASE_INSENSITIVE);

  /** Elements that stand apart from the text around them, as paragraphs. */
  private static final Set<String> BLOCKS =
      Set.of(
          "p", "div", "ul", "ol", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote");

  /**
   * The text of a {@code <DD>}. A {@code <DT>} or {@code <DL>} inside ends it: that is the next
   * entry or folder, which a broken file left inside the {@code <DD>}.
   */
  static DdText of(Element dd) {
    return collect(dd, true);
  }

  /**
   * A note that may be HTML: with block markup in it, its text and quotes; otherwise the note as it
   * is, byte for byte ({@code a < b} or {@code &amp;} in a plain note are not markup).
   */
  static DdText ofNote(String note) {
    if (!BLOCK_MARKUP.matcher(note).find()) {
      return new DdText(note, List.of());
    }
    return collect(Jsoup.parseBodyFragment(note).body(), false);
  }

  private static DdText collect(Element root, boolean stopAtEntries) {
    Collector collector = new Collector(stopAtEntries);
    root.filter(collector);
    return new DdText(clean(collector.notes.text), List.copyOf(collector.quotes));
  }

  private static String clean(CharSequence text) {
    return text.toString().replace("\r\n", "\n").strip();
  }

  /** Text being collected, and the break owed before more text comes. */
  private static final class Text {
    final StringBuilder text = new StringBuilder();
    private String owed = "";

    void append(String s) {
      if (!owed.isEmpty()) {
        if (s.isBlank()) {
          return;
        }
        s = s.stripLeading();
        if (!text.isEmpty()) {
          text.setLength(text.toString().stripTrailing().length());
          text.append(owed);
        }
        owed = "";
      }
      text.append(s);
    }

    void owe(String gap) {
      if (gap.length() > owed.length()) {
        owed = gap;
      }
    }
  }

  private static final class Collector implements NodeFilter {
    final Text notes = new Text();
    final List<String> quotes = new ArrayList<>();
    private final boolean stopAtEntries;
    private Element quote;
    private Text quoteText;

    Collector(boolean stopAtEntries) {
      this.stopAtEntries = stopAtEntries;
    }

    private Text out() {
      return quote == null ? notes : quoteText;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode text) {
        out().append(text.getWholeText());
      } else if (node instanceof Element el) {
        String name = el.normalName();
        if (stopAtEntries && (name.equals("dt") || name.equals("dl"))) {
          return FilterResult.STOP;
        }
        if (name.equals("br")) {
          out().append("\n");
        } else if (name.equals("li")) {
          out().owe("\n");
        } else if (name.equals("blockquote") && quote == null) {
          notes.owe("\n\n");
          quote = el;
          quoteText = new Text();
        } else if (BLOCKS.contains(name)) {
          out().owe("\n\n");
        }
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node == quote) {
        String text = clean(quoteText.text);
        if (!text.isEmpty()) {
          quotes.add(text);
        }
        quote = null;
        notes.owe("\n\n");
      } else if (node instanceof Element el && BLOCKS.contains(el.normalName())) {
        out().owe("\n\n");
      }
      return FilterResult.CONTINUE;
    }
  }
}
