package cairn.search;

import cairn.query.Listing;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** Finds the normalized URL behind a URL page's hash, among the saves a viewer may see. */
final class UrlLookup {
  private UrlLookup() {}

  /**
   * The URL key ({@code UrlKey#value}) of a save with this hash that is shared or the viewer's own;
   * one stored field of one document, whichever matches first.
   */
  static Optional<String> findUrlKey(IndexSearcher searcher, long viewer, String urlHash)
      throws IOException {
    BooleanQuery.Builder visible =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(IndexFields.SHARED, IndexFields.YES)), Occur.SHOULD);
    if (viewer != Listing.ANONYMOUS) {
      visible.add(new TermQuery(new Term(IndexFields.OWNER, Long.toString(viewer))), Occur.SHOULD);
    }
    Query query =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(IndexFields.URL_HASH, urlHash)), Occur.FILTER)
            .add(visible.build(), Occur.FILTER)
            .build();
    TopDocs top = searcher.search(query, 1);
    if (top.scoreDocs.length == 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        searcher
            .storedFields()
            .document(top.scoreDocs[0].doc, Set.of(IndexFields.URL_KEY))
            .get(IndexFields.URL_KEY));
  }
}
