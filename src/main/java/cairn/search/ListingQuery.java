package cairn.search;

import cairn.query.Listing;
import cairn.tag.TagName;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a {@link Listing} into one Lucene query. Visibility is part of the query itself, so no
 * counting or paging code can see what the viewer may not.
 */
final class ListingQuery {
  private ListingQuery() {}

  static Query of(Listing listing, Analyzer analyzer) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    if (listing.owner() != null) {
      q.add(
          new TermQuery(new Term(IndexFields.OWNER, Long.toString(listing.owner()))), Occur.FILTER);
    }
    if (listing.owners() != null) {
      if (listing.owners().isEmpty()) {
        return new MatchNoDocsQuery("a network of nobody");
      }
      // one term per person, as the single-owner filter; the set is matched in one pass over the
      // postings, so following 50 people costs one query, not 50
      List<BytesRef> people =
          listing.owners().stream().sorted().map(id -> new BytesRef(Long.toString(id))).toList();
      q.add(new TermInSetQuery(IndexFields.OWNER, people), Occur.FILTER);
    }
    if (!listing.ownView()) { // Listing.admits, as a query
      q.add(new TermQuery(new Term(IndexFields.SHARED, IndexFields.YES)), Occur.FILTER);
    }
    for (String key : listing.tags()) {
      if (TagName.isPrivate(key) && !listing.ownView()) {
        return new MatchNoDocsQuery("private tags are only their owner's");
      }
      q.add(new TermQuery(tagTerm(key)), Occur.FILTER);
    }
    for (String key : listing.excluded()) {
      // excluding someone else's private tag must not reveal which bookmarks carry it
      if (!TagName.isPrivate(key) || listing.ownView()) {
        q.add(new TermQuery(tagTerm(key)), Occur.MUST_NOT);
      }
    }
    if (listing.toread() != null) {
      String value = listing.toread() ? IndexFields.YES : IndexFields.NO;
      q.add(new TermQuery(new Term(IndexFields.TOREAD, value)), Occur.FILTER);
    }
    if (listing.from() != null || listing.to() != null) {
      long from = listing.from() == null ? Long.MIN_VALUE : listing.from().toEpochMilli();
      long to = listing.to() == null ? Long.MAX_VALUE : listing.to().toEpochMilli() - 1;
      q.add(LongPoint.newRangeQuery(IndexFields.CREATED, from, to), Occur.FILTER);
    }
    if (listing.urlKey() != null) {
      q.add(new TermQuery(new Term(IndexFields.URL_KEY, listing.urlKey())), Occur.FILTER);
    }
    if (!listing.text().isEmpty()) {
      q.add(SearchQueries.of(listing.search(), listing.ownView(), analyzer), Occur.MUST);
    }
    q.add(new MatchAllDocsQuery(), Occur.FILTER);
    return q.build();
  }

  private static Term tagTerm(String key) {
    return new Term(TagName.isPrivate(key) ? IndexFields.PRIVATE_TAG : IndexFields.TAG, key);
  }
}
