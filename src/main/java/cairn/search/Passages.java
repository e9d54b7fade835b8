package cairn.search;

import cairn.bookmark.Bookmark;
import cairn.query.Passage;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The passage of a search hit, found by Lucene's {@link UnifiedHighlighter} in the bookmark's own
 * texts (re-analyzed: the index stores none): a quote first — the passages people selected on the
 * page are why they saved it — then the notes, then the title. Only the words a search asks for are
 * marked, never the ones it excludes; the rest of the text is HTML-escaped.
 */
final class Passages {
  private final UnifiedHighlighter highlighter;

  Passages(Analyzer analyzer) {
    this.highlighter =
        UnifiedHighlighter.builderWithoutSearcher(analyzer)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
            .withMaxNoHighlightPassages(0)
            .build();
  }

  /** The best passage, or {@code null} when no word of the search is in these texts. */
  Passage of(Query query, Bookmark b) {
    for (Bookmark.Quote quote : b.quotes()) {
      String html = mark(IndexFields.QUOTES, query, quote.text());
      if (html != null) {
        return new Passage("quote", html);
      }
    }
    String notes = mark(IndexFields.NOTES, query, b.notes());
    if (notes != null) {
      return new Passage("notes", notes);
    }
    String title = mark(IndexFields.TITLE, query, b.title());
    return title == null ? null : new Passage("title", title);
  }

  private String mark(String field, Query query, String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      Object marked = highlighter.highlightWithoutSearcher(field, query, text, 1);
      return marked == null ? null : marked.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
