package cairn.exchange;

import cairn.tag.TagList;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * How to import a file.
 *
 * @param format the file's format, or {@code null} to tell it from the content
 * @param forcePrivate make every bookmark the import creates private
 * @param extraTags tags added to every imported bookmark (already checked as tags)
 * @param foldersAsTags turn folder names (Netscape HTML, Chrome and Firefox JSON) into tags
 * @param splitTagsOnSpaces split tags on spaces even where the format separates them by commas
 *     (Netscape {@code TAGS}, Delicious and Firefox JSON), as Cairn did before: {@code digital
 *     humanities} then gives two tags instead of {@code digital_humanities}
 */
public record ImportOptions(
    @Nullable BookmarkFormat format,
    boolean forcePrivate,
    TagList extraTags,
    boolean foldersAsTags,
    boolean splitTagsOnSpaces) {
  /** Content decides the format; privacy as the file says; folders become tags. */
  public static final ImportOptions DEFAULTS =
      new ImportOptions(null, false, TagList.EMPTY, true, false);

  public ImportOptions {
    extraTags = extraTags == null ? TagList.EMPTY : extraTags;
  }

  /** Options that keep tags with spaces inside as one tag. */
  public ImportOptions(
      @Nullable BookmarkFormat format,
      boolean forcePrivate,
      TagList extraTags,
      boolean foldersAsTags) {
    this(format, forcePrivate, extraTags, foldersAsTags, false);
  }

  /** {@link #of(BookmarkFormat, boolean, List, boolean, boolean)} keeping multi-word tags. */
  public static ImportOptions of(
      @Nullable BookmarkFormat format,
      boolean forcePrivate,
      List<String> tags,
      boolean foldersAsTags) {
    return of(format, forcePrivate, tags, foldersAsTags, false);
  }

  /**
   * Options from user input; each {@code tags} element may hold several tags separated by spaces or
   * commas. Throws naming field {@code tag} for a tag that breaks the rules.
   */
  public static ImportOptions of(
      @Nullable BookmarkFormat format,
      boolean forcePrivate,
      List<String> tags,
      boolean foldersAsTags,
      boolean splitTagsOnSpaces) {
    TagList extra;
    try {
      extra = TagList.parse(String.join(" ", tags));
    } catch (cairn.input.InvalidInputException e) {
      throw new cairn.input.InvalidInputException("tag", e.rule());
    }
    return new ImportOptions(format, forcePrivate, extra, foldersAsTags, splitTagsOnSpaces);
  }
}
