package cairn.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cairn.query.Listing;
import cairn.query.TagCount;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * Related tags counted by vocabulary id: spellings of one key merged under the most used one,
 * alphabetical by key, across segments, and a reused tally starts from nothing.
 */
class TagVocabularyTest {
  /** Each document's number, for queries that match some of them. */
  private static final String N = "n";

  private static final List<List<String>> DOCS =
      List.of(
          List.of("java", "Zebra"),
          List.of("Java", "apple"),
          List.of("java", "apple", "émile"),
          List.of("Apple", "zebra"),
          List.of("mango"));

  @Test
  void spellingsMergeUnderTheMostUsedOneInKeyOrderAcrossSegments() throws IOException {
    TagVocabulary vocabulary = new TagVocabulary();
    try (DirectoryReader reader = index(DOCS)) {
      assertEquals(expected(), related(vocabulary, reader, new MatchAllDocsQuery()));
    }
  }

  @Test
  void aReusedTallyCountsOnlyItsOwnListing() throws IOException {
    TagVocabulary vocabulary = new TagVocabulary();
    try (DirectoryReader reader = index(DOCS)) {
      assertEquals(expected(), related(vocabulary, reader, new MatchAllDocsQuery()));
      assertEquals(
          List.of(new TagCount("mango", "mango", 1)),
          related(vocabulary, reader, IntPoint.newExactQuery(N, 4)));
      assertEquals(expected(), related(vocabulary, reader, new MatchAllDocsQuery()));
    }
  }

  @Test
  void aSmallListingOfABigVocabularyCountsOnlyItsHits() throws IOException {
    TagVocabulary vocabulary = new TagVocabulary();
    List<List<String>> docs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      docs.add(List.of("t" + (1000 - i)));
    }
    docs.add(List.of("b", "a"));
    try (DirectoryReader reader = index(docs)) {
      List<TagCount> related = related(vocabulary, reader, IntPoint.newExactQuery(N, 200));
      assertEquals(List.of(new TagCount("a", "a", 1), new TagCount("b", "b", 1)), related);
    }
  }

  @Test
  void aListingOfMostOfABigVocabularyComesOutInKeyOrder() throws IOException {
    List<List<String>> docs = bigVocabulary(0, 300);
    TagVocabulary vocabulary = new TagVocabulary();
    try (DirectoryReader reader = index(docs)) {
      assertEquals(bruteForce(docs), related(vocabulary, reader, new MatchAllDocsQuery()));
      List<List<String>> some = docs.subList(0, 40);
      assertEquals(bruteForce(some), related(vocabulary, reader, IntPoint.newRangeQuery(N, 0, 39)));
    }
  }

  @Test
  void namesNewerThanTheRankingMergeIntoItsOrder() throws IOException {
    TagVocabulary vocabulary = new TagVocabulary();
    List<List<String>> old = bigVocabulary(0, 300);
    try (DirectoryReader reader = index(old)) {
      related(vocabulary, reader, new MatchAllDocsQuery());
    }
    // 20 new keys, fewer than a re-ranking waits for, spread between the ranked ones
    List<List<String>> docs = new ArrayList<>(old);
    docs.addAll(bigVocabulary(1000, 20));
    docs.add(List.of("AAA", "zzz", "Tag0005"));
    try (DirectoryReader reader = index(docs)) {
      assertEquals(bruteForce(docs), related(vocabulary, reader, new MatchAllDocsQuery()));
    }
  }

  /** {@code n} documents from {@code from} on, with tags that share keys in several spellings. */
  private static List<List<String>> bigVocabulary(int from, int n) {
    List<List<String>> docs = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      docs.add(
          List.of(
              String.format("tag%04d", i),
              String.format(i % 3 == 0 ? "Tag%04d" : "tag%04d", (i * 7) % (from + n)),
              i % 2 == 0 ? "even" : "Odd"));
    }
    return docs;
  }

  /** Related tags computed the slow, obvious way. */
  private static List<TagCount> bruteForce(List<List<String>> docs) {
    java.util.Map<String, java.util.Map<String, Integer>> spellings = new java.util.TreeMap<>();
    for (List<String> doc : docs) {
      for (String name : new java.util.LinkedHashSet<>(doc)) {
        spellings
            .computeIfAbsent(cairn.tag.TagName.keyOf(name), k -> new java.util.TreeMap<>())
            .merge(name, 1, Integer::sum);
      }
    }
    List<TagCount> out = new ArrayList<>();
    spellings.forEach(
        (key, names) -> {
          String best = null;
          int total = 0;
          for (var e : names.entrySet()) {
            total += e.getValue();
            if (best == null || e.getValue() > names.get(best)) {
              best = e.getKey();
            }
          }
          out.add(new TagCount(best, key, total));
        });
    out.sort(TagCount.ALPHABETICAL);
    return out;
  }

  private static List<TagCount> expected() {
    // keys compare as Java strings, so "émile" sorts after "zebra"; a tie goes to the smaller name
    return List.of(
        new TagCount("apple", "apple", 3),
        new TagCount("java", "java", 3),
        new TagCount("mango", "mango", 1),
        new TagCount("Zebra", "zebra", 2),
        new TagCount("émile", "émile", 1));
  }

  /**
   * The related tags of the documents {@code query} matches, counted by the listing engine's own
   * collector, as a listing counts them.
   */
  private static List<TagCount> related(
      TagVocabulary vocabulary, DirectoryReader reader, Query query) throws IOException {
    Listing listing = Listing.of(Listing.ANONYMOUS, 1L);
    return new IndexSearcher(reader)
        .search(query, ListingCollector.manager(listing, vocabulary))
        .page()
        .related();
  }

  /** One segment per two documents, so names spread over several segments. */
  private static DirectoryReader index(List<List<String>> docs) throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      for (int i = 0; i < docs.size(); i++) {
        Document doc = new Document();
        doc.add(new IntPoint(N, i));
        for (String tag : docs.get(i)) {
          doc.add(new SortedSetDocValuesField(IndexFields.TAG_NAME, new BytesRef(tag)));
        }
        writer.addDocument(doc);
        if (i % 2 == 1) {
          writer.commit();
        }
      }
    }
    return DirectoryReader.open(directory);
  }
}
