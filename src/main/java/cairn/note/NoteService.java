package cairn.note;

import static cairn.db.schema.Tables.NOTES;

import cairn.db.schema.tables.records.NotesRecord;
import cairn.input.InvalidInputException;
import cairn.input.TextLimits;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** A user's notes: saved, listed newest first, read by id. Notes are always private. */
@Singleton
public class NoteService {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final DSLContext db;
  private final Clock clock;

  NoteService(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Transactional
  public Note create(long userId, String title, String text) {
    title = title == null ? "" : TextLimits.storable("title", title);
    if (title.isBlank()) {
      throw new InvalidInputException("title", "is required");
    }
    text = TextLimits.storable("text", text == null ? "" : text);
    byte[] id = new byte[10];
    RANDOM.nextBytes(id);
    NotesRecord row = db.newRecord(NOTES);
    row.setId(HexFormat.of().formatHex(id));
    row.setUserId(userId);
    row.setTitle(title.strip());
    row.setText(text);
    row.setCreatedAt(clock.millis());
    row.setUpdatedAt(row.getCreatedAt());
    row.store();
    return toNote(row);
  }

  @Connectable
  public List<Note> list(long userId) {
    return db.selectFrom(NOTES)
        .where(NOTES.USER_ID.eq(userId))
        .orderBy(NOTES.UPDATED_AT.desc(), NOTES.ID)
        .fetch(NoteService::toNote);
  }

  @Connectable
  public Optional<Note> find(long userId, String id) {
    return db.selectFrom(NOTES)
        .where(NOTES.USER_ID.eq(userId).and(NOTES.ID.eq(id)))
        .fetchOptional(NoteService::toNote);
  }

  private static Note toNote(NotesRecord r) {
    return new Note(
        r.getId(),
        r.getTitle(),
        r.getText(),
        Instant.ofEpochMilli(r.getCreatedAt()),
        Instant.ofEpochMilli(r.getUpdatedAt()));
  }
}
