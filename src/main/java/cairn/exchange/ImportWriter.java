package cairn.exchange;

import cairn.bookmark.BookmarkDraft;
import cairn.bookmark.BookmarkState;
import cairn.bookmark.BookmarkWriter;
import cairn.bookmark.BookmarkWriter.Change;
import cairn.bookmark.BookmarkWriter.Stored;
import cairn.bookmark.UrlKey;
import cairn.input.InvalidInputException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves one batch of checked entries in one transaction: new bookmarks and merges ({@link
 * BookmarkMerge}) into the ones the user has, written by the bookmark write path with their journal
 * rows. Entries that change nothing write nothing.
 */
@Singleton
class ImportWriter {
  /** An entry that passed every check, with its normalized URL. */
  record Item(ImportEntry entry, BookmarkDraft draft, UrlKey key) {}

  enum Kind {
    IMPORTED,
    MERGED,
    UNCHANGED,
    SKIPPED
  }

  /** What became of one item; {@code why} says why it was skipped. */
  record Outcome(Kind kind, InvalidInputException why) {}

  private final BookmarkWriter bookmarks;
  private final Clock clock;

  /** The time imports are checked and stamped with. */
  java.time.Instant now() {
    return clock.instant();
  }

  ImportWriter(BookmarkWriter bookmarks, Clock clock) {
    this.bookmarks = bookmarks;
    this.clock = clock;
  }

  /** Saves the batch; the outcomes are in the order of {@code items}. */
  @Transactional
  public List<Outcome> write(long userId, List<Item> items) {
    long now = clock.millis();
    Map<String, Stored> have =
        bookmarks.stored(userId, items.stream().map(i -> i.key().value()).distinct().toList());
    Map<String, BookmarkState> after = new LinkedHashMap<>();
    List<Outcome> outcomes = new ArrayList<>(items.size());
    for (Item item : items) {
      String key = item.key().value();
      BookmarkState before = after.get(key);
      if (before == null && have.containsKey(key)) {
        before = have.get(key).state();
      }
      try {
        if (before == null) {
          after.put(key, BookmarkState.of(item.draft(), now));
          outcomes.add(new Outcome(Kind.IMPORTED, null));
        } else {
          BookmarkState merged = BookmarkMerge.merge(before, item.draft());
          after.put(key, merged);
          outcomes.add(new Outcome(merged.equals(before) ? Kind.UNCHANGED : Kind.MERGED, null));
        }
      } catch (InvalidInputException e) {
        outcomes.add(new Outcome(Kind.SKIPPED, e));
      }
    }
    List<Change> changes = new ArrayList<>(after.size());
    for (var e : after.entrySet()) {
      Stored stored = have.get(e.getKey());
      if (stored == null || !stored.state().equals(e.getValue())) {
        changes.add(new Change(stored, e.getValue(), e.getKey()));
      }
    }
    if (!changes.isEmpty()) {
      bookmarks.write(userId, changes);
    }
    return outcomes;
  }
}
