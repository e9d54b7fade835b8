package cairn.exchange;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * The text of a Netscape {@code <DD>}: notes, with line breaks kept, and the text of each {@code
 * <BLOCKQUOTE>} in it as a quote. A {@code <DT>} or {@code <DL>} inside ends it: that is the next
 * entry or folder, which a broken file left inside the {@code <DD>}.
 */
record DdText(String notes, List<String> quotes) {
  static final DdText EMPTY = new DdText("", List.of());

  static DdText of(Element dd) {
    Collector collector = new Collector();
    dd.filter(collector);
    return new DdText(clean(collector.notes), List.copyOf(collector.quotes));
  }

  private static String clean(CharSequence text) {
    return text.toString().replace("\r\n", "\n").strip();
  }

  private static final class Collector implements NodeFilter {
    final StringBuilder notes = new StringBuilder();
    final List<String> quotes = new ArrayList<>();
    private Element quote;
    private StringBuilder quoteText;

    @Override
    public FilterResult head(Node node, int depth) {
      StringBuilder out = quote == null ? notes : quoteText;
      if (node instanceof TextNode text) {
        out.append(text.getWholeText());
      } else if (node instanceof Element el) {
        switch (el.normalName()) {
          case "dt", "dl" -> {
            return FilterResult.STOP;
          }
          case "br" -> out.append('\n');
          case "blockquote" -> {
            if (quote == null) {
              quote = el;
              quoteText = new StringBuilder();
            }
          }
          default -> {}
        }
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node == quote) {
        String text = clean(quoteText);
        if (!text.isEmpty()) {
          quotes.add(text);
        }
        quote = null;
      }
      return FilterResult.CONTINUE;
    }
  }
}
