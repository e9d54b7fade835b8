package cairn.search;

import cairn.bookmark.Bookmark;
import cairn.query.Passage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * The passage of a search hit, found by Lucene's {@link UnifiedHighlighter} in the bookmark's own
 * texts (re-analyzed: the index stores none): a quote first — the passages people selected on the
 * page are why they saved it — then the notes, then the title. Only the words a search asks for are
 * marked, never the ones it excludes; the rest of the text is HTML-escaped.
 */
final class Passages {
  /** Quotes and notes: the best sentence. */
  private final UnifiedHighlighter sentences;

  /** A title: the whole of it (and no sentence splitting to pay for). */
  private final UnifiedHighlighter whole;

  Passages(Analyzer analyzer) {
    this.sentences = highlighter(analyzer).build();
    this.whole = highlighter(analyzer).withBreakIterator(WholeBreakIterator::new).build();
  }

  private static UnifiedHighlighter.Builder highlighter(Analyzer analyzer) {
    return UnifiedHighlighter.builderWithoutSearcher(analyzer)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
        .withMaxNoHighlightPassages(0);
  }

  /** The words a search asks for (never those it excludes), as the index holds them. */
  static Set<String> wordsOf(Query query) {
    Set<String> words = new HashSet<>();
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query q, Term... terms) {
            for (Term t : terms) {
              words.add(t.text());
            }
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
          }
        });
    return words;
  }

  /**
   * The best passage, or {@code null} when no word of the search is in these texts. {@code words}
   * ({@link #wordsOf}) spare the highlighter the texts that cannot hold a match: each word is a
   * piece of the lower-cased text it came from, so a text without any of them has no passage.
   */
  Passage of(Query query, Set<String> words, Bookmark b) {
    for (Bookmark.Quote quote : b.quotes()) {
      String html = mark(IndexFields.QUOTES, query, words, quote.text());
      if (html != null) {
        return new Passage("quote", html);
      }
    }
    String notes = mark(IndexFields.NOTES, query, words, b.notes());
    if (notes != null) {
      return new Passage("notes", notes);
    }
    String title = mark(IndexFields.TITLE, query, words, b.title());
    return title == null ? null : new Passage("title", title);
  }

  private static boolean mayHold(Set<String> words, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String word : words) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private String mark(String field, Query query, Set<String> words, String text) {
    if (text.isBlank() || !mayHold(words, text)) {
      return null;
    }
    try {
      UnifiedHighlighter highlighter = field.equals(IndexFields.TITLE) ? whole : sentences;
      Object marked = highlighter.highlightWithoutSearcher(field, query, text, 1);
      return marked == null ? null : marked.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
