package cairn.exchange;

import java.time.Instant;
import java.util.List;

/**
 * One bookmark as an import file states it, before any of Cairn's rules are applied.
 *
 * @param position 1-based number of the entry in the file, so the importer can name skipped ones
 * @param line 1-based line of the file where the entry starts, or 0 when the reader cannot tell
 * @param url the URL as written, or {@code ""} when the entry has none
 * @param tags single tags as the file spells them, already split on whitespace and commas
 * @param quotes passages quoted from the page (Cairn's own exports carry them), in order
 * @param created when the file says it was saved, or {@code null} when it gives no usable date
 * @param joinedTags tags of {@code tags} that the file wrote with spaces inside, as it wrote them
 *     (each is in {@code tags} with its whitespace runs joined by {@code _}), for the report
 */
public record ImportEntry(
    int position,
    int line,
    String url,
    String title,
    String notes,
    List<String> quotes,
    List<String> tags,
    boolean shared,
    boolean toread,
    Instant created,
    List<String> joinedTags) {
  public ImportEntry {
    url = url == null ? "" : url.strip();
    title = title == null ? "" : title;
    notes = notes == null ? "" : notes;
    quotes = List.copyOf(quotes);
    tags = List.copyOf(tags);
    joinedTags = List.copyOf(joinedTags);
  }

  /** An entry none of whose tags had spaces to join. */
  public ImportEntry(
      int position,
      int line,
      String url,
      String title,
      String notes,
      List<String> quotes,
      List<String> tags,
      boolean shared,
      boolean toread,
      Instant created) {
    this(position, line, url, title, notes, quotes, tags, shared, toread, created, List.of());
  }

  /** An entry of a format without quotes, at an unknown line. */
  public ImportEntry(
      int position,
      String url,
      String title,
      String notes,
      List<String> tags,
      boolean shared,
      boolean toread,
      Instant created) {
    this(position, 0, url, title, notes, List.of(), tags, shared, toread, created, List.of());
  }
}
