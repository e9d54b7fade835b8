package cairn.exchange;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * What an import did: how many entries it read, and for each what became of it.
 *
 * @param read entries found in the file
 * @param imported entries saved as new bookmarks
 * @param merged entries that changed a bookmark the user already had (see {@link BookmarkMerge})
 * @param unchanged entries whose bookmark already held everything they say
 * @param skippedCount entries not saved; {@code skipped} lists the first {@link #MAX_LISTED}
 * @param joinedTags tags the file wrote with spaces inside, each kept as one tag with its words
 *     joined by {@code _} (counted once per entry that has it); {@code joinedExamples} shows the
 *     first {@link #MAX_EXAMPLES} different ones
 * @param error why reading stopped before the end of the file, or {@code null} if it did not; what
 *     was read before is saved
 */
public record ImportReport(
    BookmarkFormat format,
    long read,
    long imported,
    long merged,
    long unchanged,
    long skippedCount,
    List<Skipped> skipped,
    long joinedTags,
    List<JoinedTag> joinedExamples,
    @Nullable String error,
    long millis) {
  /** Skipped entries listed one by one; beyond that they are only counted. */
  public static final int MAX_LISTED = 1000;

  /** Joined tags shown as examples; the rest are only counted. */
  public static final int MAX_EXAMPLES = 5;

  public ImportReport {
    skipped = List.copyOf(skipped);
    joinedExamples = List.copyOf(joinedExamples);
  }

  /**
   * A tag with spaces inside, as the file wrote it and as it was saved.
   *
   * @param written {@code digital humanities}
   * @param saved {@code digital_humanities}
   */
  public record JoinedTag(String written, String saved) {}

  /**
   * One entry that was not saved.
   *
   * @param position its number in the file, from 1
   * @param line the line it starts on, or 0 when the format's reader cannot tell
   * @param url its URL as written (cut to 200 characters), or {@code ""}
   * @param field the field at fault ({@code url}, {@code tags}, {@code notes}, …)
   * @param reason the rule it breaks
   */
  public record Skipped(int position, int line, String url, String field, String reason) {}

  /** Whether every entry of the file was read. */
  public boolean complete() {
    return error == null;
  }
}
