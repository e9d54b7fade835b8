package cairn.exchange;

import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.db.schema.Tables.BOOKMARK_TAGS;
import static cairn.db.schema.Tables.QUOTES;
import static cairn.db.schema.Tables.TAGS;

import cairn.bookmark.BookmarkDraft;
import cairn.bookmark.PinboardHash;
import cairn.bookmark.UrlKey;
import cairn.exchange.BookmarkMerge.State;
import cairn.input.InvalidInputException;
import cairn.journal.ChangeJournal;
import cairn.tag.TagName;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Writes one batch of checked entries in one transaction: new bookmarks, merges into the ones the
 * user has, their tags and quotes, and one journal row per bookmark that changed — with a handful
 * of batched statements whatever the batch size. Entries that change nothing write nothing.
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

  private final DSLContext db;
  private final ImportQueries reads;
  private final ChangeJournal journal;
  private final Clock clock;

  ImportWriter(DSLContext db, ImportQueries reads, ChangeJournal journal, Clock clock) {
    this.db = db;
    this.reads = reads;
    this.journal = journal;
    this.clock = clock;
  }

  /** Saves the batch; the outcomes are in the order of {@code items}. */
  @Transactional
  public List<Outcome> write(long userId, List<Item> items) {
    long now = clock.millis();
    ImportQueries.Existing have =
        reads.existing(userId, items.stream().map(i -> i.key().value()).toList());
    Map<String, State> after = new LinkedHashMap<>();
    List<Outcome> outcomes = new ArrayList<>(items.size());
    for (Item item : items) {
      String key = item.key().value();
      State before = after.containsKey(key) ? after.get(key) : have.states().get(key);
      try {
        if (before == null) {
          after.put(key, State.of(item.draft(), now));
          outcomes.add(new Outcome(Kind.IMPORTED, null));
        } else {
          State merged = BookmarkMerge.merge(before, item.draft());
          boolean same = merged.equals(before);
          after.put(key, merged);
          outcomes.add(new Outcome(same ? Kind.UNCHANGED : Kind.MERGED, null));
        }
      } catch (InvalidInputException e) {
        outcomes.add(new Outcome(Kind.SKIPPED, e));
      }
    }
    store(userId, have, after, now);
    return outcomes;
  }

  private void store(long userId, ImportQueries.Existing have, Map<String, State> after, long now) {
    Map<String, State> created = new LinkedHashMap<>();
    Map<String, State> changed = new LinkedHashMap<>();
    for (var e : after.entrySet()) {
      State before = have.states().get(e.getKey());
      if (before == null) {
        created.put(e.getKey(), e.getValue());
      } else if (!before.equals(e.getValue())) {
        changed.put(e.getKey(), e.getValue());
      }
    }
    if (created.isEmpty() && changed.isEmpty()) {
      return;
    }
    Map<String, Long> newIds = insertBookmarks(userId, created, now);
    List<Long> ids = new ArrayList<>(newIds.values());
    List<TagLink> links = new ArrayList<>();
    List<QuoteRow> quotes = new ArrayList<>();
    for (var e : created.entrySet()) {
      long id = newIds.get(e.getKey());
      addLinks(links, id, e.getValue().tags(), 0, 0);
      addQuotes(quotes, id, e.getValue().quotes(), 0, 0);
    }
    for (var e : changed.entrySet()) {
      State s = e.getValue();
      State before = have.states().get(e.getKey());
      ids.add(s.id());
      addLinks(links, s.id(), s.tags(), before.tags().size(), have.nextTagPosition(s.id()));
      addQuotes(quotes, s.id(), s.quotes(), before.quotes().size(), have.nextQuotePosition(s.id()));
    }
    updateBookmarks(changed, now);
    insertTagLinks(userId, links);
    insertQuotes(quotes, now);
    journal.appendAll(userId, ids);
  }

  /** A tag to link to a bookmark, at a position among its tags. */
  private record TagLink(long bookmarkId, TagName tag, long position) {}

  /** A quote to add to a bookmark, at a position among its quotes. */
  private record QuoteRow(long bookmarkId, String text, long position) {}

  /** Links the tags from index {@code from} on, numbering positions from {@code pos}. */
  private static void addLinks(List<TagLink> out, long id, List<TagName> tags, int from, long pos) {
    for (int i = from; i < tags.size(); i++) {
      out.add(new TagLink(id, tags.get(i), pos + i - from));
    }
  }

  private static void addQuotes(
      List<QuoteRow> out, long id, List<String> quotes, int from, long pos) {
    for (int i = from; i < quotes.size(); i++) {
      out.add(new QuoteRow(id, quotes.get(i), pos + i - from));
    }
  }

  private Map<String, Long> insertBookmarks(long userId, Map<String, State> created, long now) {
    if (created.isEmpty()) {
      return Map.of();
    }
    var insert =
        db.batch(
            db.insertInto(
                    BOOKMARKS,
                    BOOKMARKS.USER_ID,
                    BOOKMARKS.URL,
                    BOOKMARKS.URL_KEY,
                    BOOKMARKS.HASH,
                    BOOKMARKS.TITLE,
                    BOOKMARKS.NOTES,
                    BOOKMARKS.SHARED,
                    BOOKMARKS.TOREAD,
                    BOOKMARKS.CREATED_AT,
                    BOOKMARKS.UPDATED_AT)
                .values(null, null, null, null, null, null, (Boolean) null, null, null, null));
    for (var e : created.entrySet()) {
      State s = e.getValue();
      insert.bind(
          userId,
          s.url(),
          e.getKey(),
          PinboardHash.of(s.url()),
          s.title(),
          s.notes(),
          s.shared(),
          s.toread(),
          s.created(),
          now);
    }
    insert.execute();
    return reads.idsByKey(userId, created.keySet());
  }

  private void updateBookmarks(Map<String, State> changed, long now) {
    if (changed.isEmpty()) {
      return;
    }
    var update =
        db.batch(
            db.update(BOOKMARKS)
                .set(BOOKMARKS.TITLE, (String) null)
                .set(BOOKMARKS.NOTES, (String) null)
                .set(BOOKMARKS.CREATED_AT, (Long) null)
                .set(BOOKMARKS.UPDATED_AT, (Long) null)
                .where(BOOKMARKS.ID.eq((Long) null)));
    for (State s : changed.values()) {
      update.bind(s.title(), s.notes(), s.created(), now, s.id());
    }
    update.execute();
  }

  private void insertTagLinks(long userId, List<TagLink> links) {
    if (links.isEmpty()) {
      return;
    }
    Map<String, TagName> byKey = new HashMap<>();
    links.forEach(l -> byKey.putIfAbsent(l.tag().key(), l.tag()));
    var ensure =
        db.batch(
            db.insertInto(TAGS, TAGS.USER_ID, TAGS.TAG_KEY, TAGS.NAME)
                .values((Long) null, null, null)
                .onConflictDoNothing());
    byKey.values().forEach(t -> ensure.bind(userId, t.key(), t.name()));
    ensure.execute();
    Map<String, Long> tagIds = reads.tagIds(userId, byKey.keySet());
    var insert =
        db.batch(
            db.insertInto(
                    BOOKMARK_TAGS,
                    BOOKMARK_TAGS.BOOKMARK_ID,
                    BOOKMARK_TAGS.TAG_ID,
                    BOOKMARK_TAGS.POSITION)
                .values((Long) null, null, null));
    for (TagLink l : links) {
      insert.bind(l.bookmarkId(), tagIds.get(l.tag().key()), l.position());
    }
    insert.execute();
  }

  private void insertQuotes(List<QuoteRow> quotes, long now) {
    if (quotes.isEmpty()) {
      return;
    }
    var insert =
        db.batch(
            db.insertInto(
                    QUOTES, QUOTES.BOOKMARK_ID, QUOTES.POSITION, QUOTES.TEXT, QUOTES.CREATED_AT)
                .values((Long) null, null, null, null));
    for (QuoteRow q : quotes) {
      insert.bind(q.bookmarkId(), q.position(), q.text(), now);
    }
    insert.execute();
  }
}
