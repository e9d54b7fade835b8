package cairn.search;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkQueries;
import cairn.db.StoreOnly;
import cairn.journal.ChangeJournal;
import cairn.journal.RecentWrites;
import cairn.query.Listing;
import cairn.query.Passage;
import cairn.query.PopularCursor;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Cairn's Lucene index as the rest of Cairn sees it: listings, URL counts and lookups, popular
 * pages, waits for a write to show, and its health. The parts behind it: {@link JournalTailer} (the
 * one writer, fed by one thread from the change journal), {@link IndexSearchers} (the searchers
 * that thread refreshes, never per query), {@link IndexVisibility} (what the two sides tell each
 * other), {@link IndexFaults} (what failed and what to repair) and {@link UrlTally}.
 *
 * <p>On start the index resumes from its last commit; an index that is missing, unreadable or of
 * another {@link IndexFields#SCHEMA_VERSION} is rebuilt from the store. Requests that must see
 * their own write wait for its journal position with {@link #awaitVisible}.
 *
 * <p>Thread rules: every method here is called from request threads and holds no state of its own
 * beyond final references; the parts above say which thread owns what.
 */
@Context
@Requires(notEnv = StoreOnly.ENVIRONMENT)
public class SearchIndex {
  /** Set to true to rebuild the index from the store when it opens ({@code cairn reindex}). */
  public static final String REINDEX_PROPERTY = "cairn.reindex";

  private final ChangeJournal journal;
  private final Analyzer analyzer = new StandardAnalyzer();
  private final TagVocabulary vocabulary = new TagVocabulary();
  private final IndexFaults faults = new IndexFaults();
  private final IndexVisibility visibility = new IndexVisibility();
  private final IndexSearchers searchers = new IndexSearchers(faults, visibility::nudge);
  private final UrlTally urls = new UrlTally();
  private final Passages passages = new Passages(analyzer);
  private final JournalTailer tailer;

  SearchIndex(
      @Value("${cairn.data-dir}") Path dataDir,
      @Value("${" + REINDEX_PROPERTY + ":false}") boolean reindex,
      ChangeJournal journal,
      BookmarkQueries bookmarks,
      RecentWrites recent)
      throws IOException {
    this.journal = journal;
    IndexFiles files = new IndexFiles(dataDir.resolve("index"), analyzer);
    this.tailer = new JournalTailer(files, journal, bookmarks, faults, searchers, urls, visibility);
    tailer.open(reindex);
    tailer.start();
    recent.onCommit(visibility::nudge);
  }

  /**
   * Answers a listing: its page, total, related tags, and whether more lie either side. Throws
   * {@link IndexUnavailableException} while the index is rebuilt, and when a search finds its files
   * damaged (which starts the rebuild).
   */
  public IndexPage list(Listing listing) {
    return searchers.search(
        searcher ->
            searcher
                .search(
                    ListingQuery.of(listing, analyzer),
                    ListingCollector.manager(listing, vocabulary))
                .page());
  }

  /**
   * The passage of each bookmark that shows why it matched the listing's text search (by id; none
   * for a bookmark matched by no word, or without a text search). Found in the bookmarks' own
   * texts, not the index, so only the page's rows cost anything.
   */
  public Map<Long, Passage> passages(Listing listing, List<Bookmark> page) {
    if (listing.text().isEmpty() || page.isEmpty()) {
      return Map.of();
    }
    Query query = SearchQueries.of(listing.search(), listing.ownView(), analyzer);
    Passages.Page marks = passages.forSearch(query);
    if (marks == null) {
      return Map.of();
    }
    Map<Long, Passage> out = new HashMap<>();
    for (Bookmark b : page) {
      Passage p = marks.of(b);
      if (p != null) {
        out.put(b.id(), p);
      }
    }
    return out;
  }

  /**
   * How many people shared a save of the URL with this {@code UrlKey#hash}, when two or more did;
   * otherwise 0. A lookup in what the indexer keeps, not a search.
   */
  public int sharedSaves(String urlHash) {
    return urls.count(urlHash);
  }

  /**
   * A page of the URLs most people shared a save of, created at or after {@code from} (all time
   * when null); URLs saved by fewer than two people are not popular.
   */
  public PopularPage popular(@Nullable Instant from, @Nullable PopularCursor cursor, int perPage) {
    if (from == null) {
      if (!searchers.isOpen()) {
        throw new IndexUnavailableException("the index is being rebuilt from the store", null);
      }
      return PopularPage.of(urls.ranking(), cursor, perPage);
    }
    return searchers.search(
        searcher ->
            PopularPage.of(WindowRanking.since(searcher, from.toEpochMilli()), cursor, perPage));
  }

  /**
   * The normalized URL ({@code UrlKey#value}) with this hash, if the viewer may see a save of it: a
   * shared one, or their own.
   */
  public Optional<String> findUrlKey(long viewer, String urlHash) {
    return searchers.search(searcher -> UrlLookup.findUrlKey(searcher, viewer, urlHash));
  }

  /**
   * Waits until the index shows every change up to journal position {@code seq}, or until the
   * timeout; returns whether it got there. While the indexer is failing it answers at once: nobody
   * would wake it before the repair.
   */
  public boolean awaitVisible(long seq, Duration timeout) {
    return visibility.awaitVisible(seq, timeout, faults::failing);
  }

  /** The last journal position the index shows. */
  public long visibleSeq() {
    return visibility.visibleSeq();
  }

  /**
   * How the index is doing: down while it cannot answer listings (being rebuilt, closed), degraded
   * while it answers them but cannot take in new changes (a full disk, a bookmark it cannot index),
   * with the reason; up otherwise, however far behind the journal it is.
   */
  public IndexHealth health() {
    long visible = visibility.visibleSeq();
    long behind;
    try {
      behind = Math.max(0, journal.lastSeq() - visible);
    } catch (RuntimeException e) {
      return new IndexHealth(
          IndexHealth.State.DOWN, "the store cannot be read: " + e.getMessage(), visible, -1);
    }
    String failure = faults.failure();
    if (!searchers.isOpen()) {
      String why =
          visibility.closing()
              ? "the index is shutting down"
              : "the index is being rebuilt from the store ("
                  + (failure == null ? faults.reason() : failure)
                  + ")";
      return new IndexHealth(IndexHealth.State.DOWN, why, visible, behind);
    }
    if (failure != null) {
      return new IndexHealth(IndexHealth.State.DEGRADED, failure, visible, behind);
    }
    return new IndexHealth(IndexHealth.State.UP, null, visible, behind);
  }

  /**
   * Whether a failure to open the index (anywhere in {@code e}'s causes) means another process
   * holds it: a server running on the same data directory.
   */
  public static boolean heldByAnotherProcess(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LockObtainFailedException) {
        return true;
      }
    }
    return false;
  }

  @PreDestroy
  void close() {
    tailer.stop();
  }
}
