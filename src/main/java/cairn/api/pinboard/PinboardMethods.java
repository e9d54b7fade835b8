package cairn.api.pinboard;

import cairn.bookmark.Bookmark;
import cairn.bookmark.BookmarkDraft;
import cairn.bookmark.BookmarkPatch;
import cairn.bookmark.BookmarkQueries;
import cairn.bookmark.BookmarkService;
import cairn.bookmark.UrlKey;
import cairn.browse.ListingPage;
import cairn.browse.ListingService;
import cairn.browse.TagSuggestions;
import cairn.input.InvalidInputException;
import cairn.note.NoteService;
import cairn.query.Listing;
import cairn.query.TagCount;
import cairn.tag.TagList;
import cairn.tag.TagNotFoundException;
import cairn.tag.TagService;
import cairn.user.PreferencesService;
import cairn.user.User;
import cairn.user.UserService;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Pinboard v1 methods over Cairn's own write path and listing engine. Each returns the reply
 * Pinboard would give; input that breaks a rule surfaces as {@link InvalidInputException}.
 */
@Singleton
final class PinboardMethods {

  private final BookmarkService bookmarks;
  private final BookmarkQueries queries;
  private final ListingService listings;
  private final TagService tags;
  private final UserService users;
  private final NoteService notes;
  private final TagSuggestions suggestions;
  private final PreferencesService preferences;
  private final Clock clock;

  PinboardMethods(
      BookmarkService bookmarks,
      BookmarkQueries queries,
      ListingService listings,
      TagService tags,
      UserService users,
      NoteService notes,
      TagSuggestions suggestions,
      PreferencesService preferences,
      Clock clock) {
    this.bookmarks = bookmarks;
    this.queries = queries;
    this.listings = listings;
    this.tags = tags;
    this.users = users;
    this.notes = notes;
    this.suggestions = suggestions;
    this.preferences = preferences;
    this.clock = clock;
  }

  /** Runs a method; {@code path} is the method as the request named it ({@code notes/ID}). */
  Reply call(PinboardMethod method, String path, User user, PinboardParams p) {
    return switch (method) {
      case POSTS_UPDATE -> updateTime(user);
      case POSTS_ADD -> add(user, p);
      case POSTS_DELETE -> delete(user, p);
      case POSTS_GET -> get(user, p);
      case POSTS_RECENT -> recent(user, p);
      case POSTS_DATES -> dates(user, p);
      case POSTS_ALL -> all(user, p);
      case POSTS_SUGGEST -> suggest(user, p);
      case TAGS_GET -> new Reply.Tags(tagCounts(user));
      case TAGS_DELETE -> deleteTag(user, p);
      case TAGS_RENAME -> renameTag(user, p);
      case USER_SECRET -> new Reply.Result(fresh(user).feedSecret());
      case USER_API_TOKEN -> new Reply.Result(secretOf(user));
      case NOTES_LIST -> new Reply.Notes(notes.list(user.id()));
      case NOTE -> note(user, path.substring("notes/".length()));
    };
  }

  private Reply updateTime(User user) {
    User now = fresh(user);
    return new Reply.UpdateTime(
        Instant.ofEpochMilli(Math.max(now.bookmarksChangedAt(), now.createdAt())));
  }

  /**
   * Saves a bookmark. Replacing an existing one overwrites the fields Pinboard sent and keeps its
   * quotes (Pinboard has none to send) and, without {@code dt}, its date. Without {@code shared} an
   * existing bookmark keeps its privacy and a new one follows the account's "private by default":
   * many clients never send the flag, and defaulting it to public published private bookmarks.
   * {@code toread} is kept the same way, so a client that knows nothing of it marks nothing read.
   */
  private Reply add(User user, PinboardParams p) {
    String url = p.get("url");
    if (url == null) {
      return new Reply.ResultCode("missing url");
    }
    String title = p.get("description");
    if (title == null) {
      return new Reply.ResultCode("missing description");
    }
    TagList tagList = TagList.parse(p.text("tags", ""));
    Instant dt = p.addedAt(clock);
    Boolean shared = p.optionalFlag("shared");
    Boolean toread = p.optionalFlag("toread");
    String notesText = p.text("extended", "");
    var existing = queries.findIdByUrl(user.id(), UrlKey.of(url));
    if (existing.isPresent()) {
      if (!p.flag("replace", true)) {
        return new Reply.ResultCode("item already exists");
      }
      var patch = new BookmarkPatch(url, title, notesText, null, tagList, shared, toread, dt);
      bookmarks.update(user.id(), existing.get(), patch);
    } else {
      boolean isShared = shared != null ? shared : !preferences.get(user.id()).privateByDefault();
      boolean isToread = toread != null && toread;
      var draft =
          new BookmarkDraft(url, title, notesText, List.of(), tagList, isShared, isToread, dt);
      bookmarks.create(user.id(), draft, false);
    }
    return new Reply.ResultCode("done");
  }

  private Reply delete(User user, PinboardParams p) {
    String url = p.get("url");
    if (url == null) {
      return new Reply.ResultCode("missing url");
    }
    var existing = queries.findIdByUrl(user.id(), UrlKey.of(url));
    if (existing.isEmpty()) {
      return new Reply.ResultCode("item not found");
    }
    bookmarks.delete(user.id(), existing.get());
    return new Reply.ResultCode("done");
  }

  private Reply get(User user, PinboardParams p) {
    Listing listing = mine(user).withTags(p.filterTags());
    boolean meta = p.flag("meta", false);
    String url = p.get("url");
    if (url != null) {
      List<Bookmark> found =
          posts(listings.list(listing.withUrlKey(UrlKey.of(url).value()).withPerPage(1)));
      return new Reply.Posts(
          found.isEmpty() ? newest(user) : found.get(0).created(), user.name(), found, meta);
    }
    LocalDate day = p.day("dt");
    if (day == null) {
      List<Bookmark> latest = posts(listings.list(listing.withPerPage(1)));
      if (latest.isEmpty()) {
        return new Reply.Posts(newest(user), user.name(), List.of(), meta);
      }
      day = latest.get(0).created().atZone(ZoneOffset.UTC).toLocalDate();
    }
    Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
    List<Bookmark> onDay =
        posts(
            listings.list(listing.withDates(start, start.plusSeconds(86_400)).withPerPage(10_000)));
    return new Reply.Posts(
        onDay.isEmpty() ? start : onDay.get(0).created(), user.name(), onDay, meta);
  }

  private Reply recent(User user, PinboardParams p) {
    int count = Math.max(1, p.integer("count", 15, 100));
    List<Bookmark> recent =
        posts(listings.list(mine(user).withTags(p.filterTags()).withPerPage(count)));
    return new Reply.Posts(
        recent.isEmpty() ? newest(user) : recent.get(0).created(),
        user.name(),
        recent,
        p.flag("meta", false));
  }

  private Reply dates(User user, PinboardParams p) {
    Listing listing =
        mine(user)
            .withTags(p.filterTags())
            .withPerPage(1)
            .withCounts(EnumSet.of(Listing.Count.DAYS));
    TreeMap<LocalDate, Integer> newestFirst = new TreeMap<>(Collections.reverseOrder());
    newestFirst.putAll(listings.days(listing));
    return new Reply.Dates(user.name(), p.text("tag", ""), newestFirst);
  }

  /**
   * Every matching bookmark, newest first, streamed as it is read from the index in chunks of
   * {@link AllPostsWalk#CHUNK} (see {@link AllPostsWalk}).
   */
  private Reply all(User user, PinboardParams p) {
    Listing listing =
        mine(user)
            .withTags(p.filterTags())
            .withDates(p.instant("fromdt"), p.instant("todt"))
            .withToread(
                p.get("toread") == null ? null : p.flag("toread", false) ? Boolean.TRUE : null);
    // beyond any account's size a start is as good as the end
    int start = p.integer("start", 0, Listing.MAX_OFFSET);
    int results = p.integer("results", Integer.MAX_VALUE, Integer.MAX_VALUE);
    return new Reply.AllPosts(
        user.name(), new AllPostsWalk(listings, listing, start, results), p.flag("meta", false));
  }

  /**
   * Popular: the tags everyone gave this URL in shared bookmarks; recommended: your own tags on it,
   * else your most used tags that appear as words of the URL.
   */
  private Reply suggest(User user, PinboardParams p) {
    String url = p.get("url");
    if (url == null) {
      throw new InvalidInputException("url", "is required");
    }
    return new Reply.Suggest(
        suggestions.popular(user.id(), url), suggestions.recommended(user.id(), url, ""));
  }

  private Map<String, Integer> tagCounts(User user) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (TagCount t : listings.list(mineWithTags(user)).related()) {
      counts.put(t.name(), t.count());
    }
    return counts;
  }

  private Reply deleteTag(User user, PinboardParams p) {
    String tag = p.get("tag");
    if (tag == null) {
      throw new InvalidInputException("tag", "is required");
    }
    try {
      tags.delete(user.id(), tag);
    } catch (TagNotFoundException e) {
      return new Reply.Result("item not found");
    }
    return new Reply.Result("done");
  }

  private Reply renameTag(User user, PinboardParams p) {
    String from = p.get("old");
    String to = p.get("new");
    if (from == null) {
      throw new InvalidInputException("old", "is required");
    }
    if (to == null) {
      return new Reply.Result("done");
    }
    try {
      tags.rename(user.id(), from, to);
    } catch (TagNotFoundException e) {
      return new Reply.Result("item not found");
    }
    return new Reply.Result("done");
  }

  private Reply note(User user, String id) {
    return notes
        .find(user.id(), id)
        .<Reply>map(Reply.OneNote::new)
        .orElse(new Reply.ResultCode("item not found"));
  }

  /** The user's own bookmarks, without counting tags (most methods need only the posts). */
  private Listing mine(User user) {
    return Listing.of(user.id(), user.id()).withCounts(EnumSet.noneOf(Listing.Count.class));
  }

  private Listing mineWithTags(User user) {
    return Listing.of(user.id(), user.id()).withPerPage(1);
  }

  private Instant newest(User user) {
    List<Bookmark> latest = posts(listings.list(mine(user).withPerPage(1)));
    return latest.isEmpty()
        ? Instant.ofEpochMilli(fresh(user).createdAt())
        : latest.get(0).created();
  }

  private User fresh(User user) {
    return users.getByName(user.name());
  }

  private String secretOf(User user) {
    String token = users.tokenOf(user);
    return token.substring(token.indexOf(':') + 1);
  }

  private static List<Bookmark> posts(ListingPage page) {
    return page.items();
  }
}
