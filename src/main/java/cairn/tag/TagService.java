package cairn.tag;

import static cairn.db.schema.Tables.BOOKMARK_TAGS;
import static cairn.db.schema.Tables.TAGS;

import cairn.db.schema.tables.records.TagsRecord;
import cairn.journal.ChangeJournal;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Changes to a user's tags across all their bookmarks: rename (folding into an existing tag merges
 * the two) and delete. Each is one transaction with a journal row per bookmark touched.
 */
@Singleton
public class TagService {
  private final DSLContext db;
  private final ChangeJournal journal;

  TagService(DSLContext db, ChangeJournal journal) {
    this.db = db;
    this.journal = journal;
  }

  /** What a tag change did: how many bookmarks it touched, and the journal position to wait for. */
  public record Changed(int bookmarks, long seq) {}

  /**
   * Renames {@code from} to {@code to} on every bookmark of the user; if the user already has a tag
   * {@code to} (by key), the two merge. Changing only the case changes how the tag is shown.
   */
  @Transactional
  public Changed rename(long userId, String from, String to) {
    TagsRecord source = owned(userId, from);
    TagName target = TagName.of(to);
    List<Long> touched = bookmarksWith(source.getId());
    TagsRecord existing =
        target.key().equals(source.getTagKey())
            ? null
            : db.fetchOne(TAGS, TAGS.USER_ID.eq(userId).and(TAGS.TAG_KEY.eq(target.key())));
    if (existing == null) {
      source.setTagKey(target.key());
      source.setName(target.name());
      source.store();
    } else {
      db.deleteFrom(BOOKMARK_TAGS)
          .where(BOOKMARK_TAGS.TAG_ID.eq(source.getId()))
          .and(
              BOOKMARK_TAGS.BOOKMARK_ID.in(
                  DSL.select(BOOKMARK_TAGS.BOOKMARK_ID)
                      .from(BOOKMARK_TAGS)
                      .where(BOOKMARK_TAGS.TAG_ID.eq(existing.getId()))))
          .execute();
      db.update(BOOKMARK_TAGS)
          .set(BOOKMARK_TAGS.TAG_ID, existing.getId())
          .where(BOOKMARK_TAGS.TAG_ID.eq(source.getId()))
          .execute();
      source.delete();
    }
    return new Changed(touched.size(), journal.appendAll(userId, touched));
  }

  /** Removes the tag from every bookmark of the user. */
  @Transactional
  public Changed delete(long userId, String name) {
    TagsRecord tag = owned(userId, name);
    List<Long> touched = bookmarksWith(tag.getId());
    tag.delete();
    return new Changed(touched.size(), journal.appendAll(userId, touched));
  }

  private TagsRecord owned(long userId, String name) {
    String key = TagName.of(name).key();
    TagsRecord tag = db.fetchOne(TAGS, TAGS.USER_ID.eq(userId).and(TAGS.TAG_KEY.eq(key)));
    if (tag == null) {
      throw new TagNotFoundException(name);
    }
    return tag;
  }

  private List<Long> bookmarksWith(long tagId) {
    return db.select(BOOKMARK_TAGS.BOOKMARK_ID)
        .from(BOOKMARK_TAGS)
        .where(BOOKMARK_TAGS.TAG_ID.eq(tagId))
        .fetch(BOOKMARK_TAGS.BOOKMARK_ID);
  }
}
