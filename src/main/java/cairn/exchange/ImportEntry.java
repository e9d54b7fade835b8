package cairn.exchange;

import java.time.Instant;
import java.util.List;

/**
 * One bookmark as an import file states it, before any of Cairn's rules are applied.
 *
 * @param position 1-based number of the entry in the file, so the importer can name skipped ones
 * @param url the URL as written, or {@code ""} when the entry has none
 * @param tags single tags as the file spells them, already split on whitespace and commas
 * @param created when the file says it was saved, or {@code null} when it gives no usable date
 */
public record ImportEntry(
    int position,
    String url,
    String title,
    String notes,
    List<String> tags,
    boolean shared,
    boolean toread,
    Instant created) {
  public ImportEntry {
    url = url == null ? "" : url.strip();
    title = title == null ? "" : title;
    notes = notes == null ? "" : notes;
    tags = List.copyOf(tags);
  }
}
