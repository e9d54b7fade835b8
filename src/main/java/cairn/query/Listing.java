package cairn.query;

import cairn.bookmark.Bookmark;
import cairn.input.InvalidInputException;
import cairn.input.PageSize;
import cairn.tag.TagName;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one query model every listing goes through: who is looking, whose bookmarks (one user's or
 * everyone's shared ones), which tags must and must not be there, an optional text query, the
 * unread filter, a date range or one URL, where the page starts and how long it is, and which
 * counts to take over all matches.
 *
 * @param viewer the signed-in user's id, or {@link #ANONYMOUS}
 * @param owner whose bookmarks; {@code null} for everyone's shared bookmarks
 * @param owners only the shared bookmarks of these people (a network: the people the viewer
 *     follows); {@code null} for no such filter, empty for nobody's
 * @param tags tags every match carries (their keys are matched)
 * @param excluded tags no match carries
 * @param text a search in the language of {@link SearchQuery} (words, "phrases", -exclusion, OR,
 *     fields, tags, flags, dates); may be empty
 * @param toread {@code true} for unread only, {@code false} for read only, {@code null} for both
 * @param from only bookmarks created at or after this instant
 * @param to only bookmarks created before this instant
 * @param urlKey only bookmarks of this normalized URL ({@code UrlKey#value})
 * @param cursor where the page starts; {@code null} for the newest
 * @param offset matches to skip after the cursor (Pinboard's {@code start})
 * @param perPage the page's length; surfaces restrict it further (the web to 20/40/80/120/160)
 * @param counts what to count over all matches
 */
public record Listing(
    long viewer,
    @Nullable Long owner,
    @Nullable Set<Long> owners,
    List<String> tags,
    List<String> excluded,
    String text,
    @Nullable Boolean toread,
    @Nullable Instant from,
    @Nullable Instant to,
    @Nullable String urlKey,
    @Nullable Cursor cursor,
    int offset,
    int perPage,
    Set<Count> counts) {
  public static final long ANONYMOUS = 0;

  public static final int MAX_PAGE_SIZE = 100_000;

  /** Matches a page may skip; with a page it stays far from int overflow. */
  public static final int MAX_OFFSET = 1_000_000_000;

  public static final int MAX_FILTER_TAGS = 32;

  /**
   * Counts taken over every match. Without any, the search stops once it holds a full page and
   * knows that more lie beyond it (the index is sorted newest first), so the total is then only a
   * lower bound; a page that needs none (Pinboard's posts/recent, posts/all) costs its page, not
   * the whole account.
   */
  public enum Count {
    /** The exact number of matches. */
    TOTAL,
    RELATED_TAGS,
    DAYS
  }

  public Listing {
    owners = owners == null ? null : Set.copyOf(owners);
    tags = keys("tags", tags);
    excluded = keys("exclude", excluded);
    text = text == null ? "" : text.strip();
    counts =
        counts == null || counts.isEmpty() ? EnumSet.noneOf(Count.class) : EnumSet.copyOf(counts);
    if (perPage < 1 || perPage > MAX_PAGE_SIZE) {
      throw new InvalidInputException("per_page", "must be between 1 and 100000; got " + perPage);
    }
    if (offset < 0) {
      throw new InvalidInputException("start", "must not be negative; got " + offset);
    }
    if (offset > MAX_OFFSET) {
      throw new InvalidInputException("start", "must be at most 1000000000; got " + offset);
    }
  }

  /**
   * Everything of {@code owner} that {@code viewer} may see, newest first, with the total and
   * related tags.
   */
  public static Listing of(long viewer, @Nullable Long owner) {
    return new Listing(
        viewer,
        owner,
        null,
        List.of(),
        List.of(),
        "",
        null,
        null,
        null,
        null,
        null,
        0,
        PageSize.DEFAULT,
        EnumSet.of(Count.TOTAL, Count.RELATED_TAGS));
  }

  /**
   * The shared bookmarks of {@code people} (the ones {@code viewer} follows), newest first, with
   * the total and related tags; nobody's when the set is empty.
   */
  public static Listing ofOwners(long viewer, Set<Long> people) {
    Listing everyone = of(viewer, null);
    return new Listing(
        viewer,
        null,
        people,
        everyone.tags,
        everyone.excluded,
        everyone.text,
        null,
        null,
        null,
        null,
        null,
        0,
        everyone.perPage,
        everyone.counts);
  }

  public Listing withTags(List<String> required) {
    return new Listing(
        viewer, owner, owners, required, excluded, text, toread, from, to, urlKey, cursor, offset,
        perPage, counts);
  }

  public Listing withExcluded(List<String> tags) {
    return new Listing(
        viewer, owner, owners, this.tags, tags, text, toread, from, to, urlKey, cursor, offset,
        perPage, counts);
  }

  /**
   * The listing with a text search; one that cannot be read is refused here, as a 400 on {@code q}
   * before any search (a listing built otherwise is refused when it is searched).
   */
  public Listing withText(String query) {
    SearchQuery.parse(query);
    return new Listing(
        viewer, owner, owners, tags, excluded, query, toread, from, to, urlKey, cursor, offset,
        perPage, counts);
  }

  public Listing withToread(@Nullable Boolean unread) {
    return new Listing(
        viewer, owner, owners, tags, excluded, text, unread, from, to, urlKey, cursor, offset,
        perPage, counts);
  }

  public Listing withDates(@Nullable Instant after, @Nullable Instant before) {
    return new Listing(
        viewer, owner, owners, tags, excluded, text, toread, after, before, urlKey, cursor, offset,
        perPage, counts);
  }

  public Listing withUrlKey(@Nullable String key) {
    return new Listing(
        viewer, owner, owners, tags, excluded, text, toread, from, to, key, cursor, offset, perPage,
        counts);
  }

  public Listing withCursor(@Nullable Cursor at) {
    return new Listing(
        viewer, owner, owners, tags, excluded, text, toread, from, to, urlKey, at, offset, perPage,
        counts);
  }

  public Listing withPage(int skip, int size) {
    return new Listing(
        viewer, owner, owners, tags, excluded, text, toread, from, to, urlKey, cursor, skip, size,
        counts);
  }

  public Listing withPerPage(int size) {
    return withPage(offset, size);
  }

  public Listing withCounts(Set<Count> wanted) {
    return new Listing(
        viewer, owner, owners, tags, excluded, text, toread, from, to, urlKey, cursor, offset,
        perPage, wanted);
  }

  /** The text search, parsed ({@link SearchQuery#EVERYTHING} when there is none). */
  public SearchQuery search() {
    return SearchQuery.parse(text);
  }

  /** True when the viewer is looking at their own bookmarks, and so sees private ones. */
  public boolean ownView() {
    return owner != null && owner == viewer && viewer != ANONYMOUS;
  }

  /**
   * Whether a bookmark may be shown in this listing: in one's own view every one of one's own
   * bookmarks; everywhere else (others' pages, tag pages, a network) shared ones only, one's own
   * private ones included — they never appear on the shared pages. {@code ListingQuery} puts the
   * same rule into the query; a listing re-checks each row with this because the store may be a
   * moment ahead of the index. A single bookmark's rule is {@link Bookmark#isVisibleTo}.
   */
  public boolean admits(Bookmark b) {
    return ownView() ? b.isOwnedBy(viewer) : b.shared();
  }

  private static List<String> keys(String field, List<String> names) {
    if (names == null) {
      return List.of();
    }
    if (names.size() > MAX_FILTER_TAGS) {
      throw new InvalidInputException(field, "at most 32 tags; got " + names.size());
    }
    return names.stream().map(name -> TagName.of(name).key()).distinct().toList();
  }
}
