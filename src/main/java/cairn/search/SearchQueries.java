package cairn.search;

import cairn.query.SearchQuery;
import cairn.query.SearchQuery.All;
import cairn.query.SearchQuery.Any;
import cairn.query.SearchQuery.Created;
import cairn.query.SearchQuery.Is;
import cairn.query.SearchQuery.Not;
import cairn.query.SearchQuery.Tag;
import cairn.query.SearchQuery.Text;
import cairn.tag.TagName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a parsed search ({@link SearchQuery}) into a Lucene query. The privacy of tags holds here
 * as in every listing: outside one's own view a private tag matches nothing, so excluding one
 * excludes nothing and reveals nothing, and "untagged" means without a public tag.
 */
final class SearchQueries {
  private final boolean ownView;
  private final Analyzer analyzer;

  private SearchQueries(boolean ownView, Analyzer analyzer) {
    this.ownView = ownView;
    this.analyzer = analyzer;
  }

  static Query of(SearchQuery search, boolean ownView, Analyzer analyzer) {
    return new SearchQueries(ownView, analyzer).compile(search);
  }

  private Query compile(SearchQuery search) {
    return switch (search) {
      case Text t -> text(t);
      case Tag t -> tag(t.key());
      case Is is -> flag(is.flag());
      case Created c -> {
        long at = c.at().toEpochMilli();
        yield c.after()
            ? LongPoint.newRangeQuery(IndexFields.CREATED, at, Long.MAX_VALUE)
            : LongPoint.newRangeQuery(IndexFields.CREATED, Long.MIN_VALUE, at - 1);
      }
      case Not not -> without(compile(not.query()));
      case All all -> {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(everything(), Occur.FILTER);
        all.parts().forEach(p -> b.add(compile(p), Occur.MUST));
        yield b.build();
      }
      case Any any -> {
        BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        any.parts().forEach(p -> b.add(compile(p), Occur.SHOULD));
        yield b.build();
      }
    };
  }

  /**
   * Every word of the text in one field, in order when a phrase; without a field, in any text
   * field. Text with no word the analyzer keeps ({@code -}, {@code +}) matches everything.
   */
  private Query text(Text t) {
    if (t.field() == SearchQuery.TextField.SITE) {
      return new TermQuery(new Term(IndexFields.HOST, host(t.text())));
    }
    String[] fields = t.field() == null ? IndexFields.TEXT_FIELDS : new String[] {field(t)};
    BooleanQuery.Builder anyField = new BooleanQuery.Builder();
    boolean any = false;
    for (String field : fields) {
      List<String> terms = analyze(field, t.text());
      if (terms.isEmpty()) {
        continue;
      }
      any = true;
      anyField.add(
          terms.size() == 1
              ? new TermQuery(new Term(field, terms.get(0)))
              : new PhraseQuery(field, terms.toArray(String[]::new)),
          Occur.SHOULD);
    }
    return any ? anyField.build() : everything();
  }

  /** The host a {@code site:} names, written as people paste it: any scheme, path or port off. */
  static String host(String site) {
    String host = site.strip().toLowerCase(java.util.Locale.ROOT);
    int scheme = host.indexOf("://");
    if (scheme >= 0) {
      host = host.substring(scheme + 3);
    }
    int slash = host.indexOf('/');
    if (slash >= 0) {
      host = host.substring(0, slash);
    }
    int colon = host.lastIndexOf(':');
    if (colon > host.lastIndexOf(']')) {
      host = host.substring(0, colon);
    }
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  private static String field(Text t) {
    return switch (t.field()) {
      case TITLE -> IndexFields.TITLE;
      case NOTES -> IndexFields.NOTES;
      case QUOTE -> IndexFields.QUOTES;
      case URL -> IndexFields.URL;
      case SITE -> IndexFields.SITE;
    };
  }

  private Query tag(String key) {
    if (TagName.isPrivate(key)) {
      return ownView
          ? new TermQuery(new Term(IndexFields.PRIVATE_TAG, key))
          : new MatchNoDocsQuery("private tags are only their owner's");
    }
    return new TermQuery(new Term(IndexFields.TAG, key));
  }

  private Query flag(SearchQuery.Flag flag) {
    return switch (flag) {
      case UNREAD -> new TermQuery(new Term(IndexFields.TOREAD, IndexFields.YES));
      case READ -> new TermQuery(new Term(IndexFields.TOREAD, IndexFields.NO));
      case PRIVATE -> new TermQuery(new Term(IndexFields.SHARED, IndexFields.NO));
      case PUBLIC -> new TermQuery(new Term(IndexFields.SHARED, IndexFields.YES));
      case UNTAGGED -> {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(everything(), Occur.FILTER);
        b.add(new FieldExistsQuery(IndexFields.TAG_NAME), Occur.MUST_NOT);
        if (ownView) {
          b.add(new FieldExistsQuery(IndexFields.PRIVATE_TAG_NAME), Occur.MUST_NOT);
        }
        yield b.build();
      }
    };
  }

  private static Query without(Query excluded) {
    return new BooleanQuery.Builder()
        .add(everything(), Occur.FILTER)
        .add(excluded, Occur.MUST_NOT)
        .build();
  }

  private static Query everything() {
    return new MatchAllDocsQuery();
  }

  private List<String> analyze(String field, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }
}
