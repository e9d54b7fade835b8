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
 * @param foldersAsTags turn Netscape folder names into tags
 */
public record ImportOptions(
    @Nullable BookmarkFormat format,
    boolean forcePrivate,
    TagList extraTags,
    boolean foldersAsTags) {
  /** Content decides the format; privacy as the file says; folders become tags. */
  public static final ImportOptions DEFAULTS = new ImportOptions(null, false, TagList.EMPTY, true);

  public ImportOptions {
    extraTags = extraTags == null ? TagList.EMPTY : extraTags;
  }

  /**
   * Options from user input; each {@code tags} element may hold several tags separated by spaces or
   * commas. Throws naming field {@code tag} for a tag that breaks the rules.
   */
  public static ImportOptions of(
      @Nullable BookmarkFormat format,
      boolean forcePrivate,
      List<String> tags,
      boolean foldersAsTags) {
    TagList extra;
    try {
      extra = TagList.parse(String.join(" ", tags));
    } catch (cairn.input.InvalidInputException e) {
      throw new cairn.input.InvalidInputException("tag", e.rule());
    }
    return new ImportOptions(format, forcePrivate, extra, foldersAsTags);
  }
}
