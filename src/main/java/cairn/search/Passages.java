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
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * The passage of a search hit, found by Lucene's {@link UnifiedHighlighter} in the bookmark's own
 * texts (re-analyzed: the index stores none): a quote first — the passages people selected on the
 * page are why they saved it — then the notes, then the title. Only the words a search asks for are
 * marked, never the ones it excludes; the rest of the text is HTML-escaped.
 *
 * <p>A page's passages share one {@link Page}: the highlighter's work that depends only on the
 * search (its terms, phrases and automata per field) is done once, not once per row and text.
 */
final class Passages {
  /** Quotes and notes: the best sentence. */
  private final Highlighter sentences;

  /** A title: the whole of it. */
  private final Highlighter whole;

  Passages(Analyzer analyzer) {
    this.sentences = new Highlighter(builder(analyzer));
    this.whole = new Highlighter(builder(analyzer).withBreakIterator(WholeBreakIterator::new));
  }

  private static UnifiedHighlighter.Builder builder(Analyzer analyzer) {
    return UnifiedHighlighter.builderWithoutSearcher(analyzer)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
        .withMaxNoHighlightPassages(0)
        // weight matches would mark a phrase as one span, but need an index of each text: a row
        // costs
        // several times as much
        .withWeightMatches(false);
  }

  /** The passages of one search; {@code null} when the search has no word to mark. */
  Page forSearch(Query query) {
    Set<String> words = wordsOf(query);
    if (words.isEmpty()) {
      return null;
    }
    return new Page(
        words,
        sentences.forField(IndexFields.QUOTES, query),
        sentences.forField(IndexFields.NOTES, query),
        whole.forField(IndexFields.TITLE, query));
  }

  /** One search's highlighters, for the rows of its page (one thread: they are not shared). */
  static final class Page {
    private final Set<String> words;
    private final FieldHighlighter quotes;
    private final FieldHighlighter notes;
    private final FieldHighlighter title;

    private Page(
        Set<String> words,
        FieldHighlighter quotes,
        FieldHighlighter notes,
        FieldHighlighter title) {
      this.words = words;
      this.quotes = quotes;
      this.notes = notes;
      this.title = title;
    }

    /** The best passage, or {@code null} when no word of the search is in these texts. */
    Passage of(Bookmark b) {
      for (Bookmark.Quote quote : b.quotes()) {
        String html = mark(quotes, quote.text());
        if (html != null) {
          return new Passage("quote", html);
        }
      }
      String inNotes = mark(notes, b.notes());
      if (inNotes != null) {
        return new Passage("notes", inNotes);
      }
      String inTitle = mark(title, b.title());
      return inTitle == null ? null : new Passage("title", inTitle);
    }

    /**
     * The marked text, or null. A text holding none of the search's words is skipped without the
     * highlighter: each word is a piece of the lower-cased text it came from.
     */
    private String mark(FieldHighlighter field, String text) {
      if (text.isBlank() || !mayHold(text)) {
        return null;
      }
      try {
        Object marked = field.highlightFieldForDoc(null, -1, text);
        return marked == null ? null : marked.toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private boolean mayHold(String text) {
      String lower = text.toLowerCase(Locale.ROOT);
      for (String word : words) {
        if (lower.contains(word)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The words a search asks for (never those it excludes), as the index holds them. */
  private static Set<String> wordsOf(Query query) {
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

  /** Lucene's highlighter, asked for the part of its work that depends only on the search. */
  private static final class Highlighter extends UnifiedHighlighter {
    Highlighter(UnifiedHighlighter.Builder builder) {
      super(builder);
    }

    FieldHighlighter forField(String field, Query query) {
      return getFieldHighlighter(field, query, extractTerms(query), 1);
    }
  }
}
