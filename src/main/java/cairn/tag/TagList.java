package cairn.tag;

import cairn.input.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tags of one bookmark: distinct by key, in the order first given, at most {@value #MAX_TAGS}.
 */
public record TagList(List<TagName> tags) {
  public static final int MAX_TAGS = 100;
  public static final TagList EMPTY = new TagList(List.of());

  public TagList {
    tags = List.copyOf(tags);
  }

  /** Splits free text on whitespace and commas, as every tag box and API accepts it. */
  public static TagList parse(String text) {
    List<String> parts = new ArrayList<>();
    for (String part : TagName.SEPARATOR.split(text.strip())) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return of(parts);
  }

  /** Takes tags already split (a JSON array): each element must be one valid tag. */
  public static TagList of(Collection<String> names) {
    Map<String, TagName> byKey = new LinkedHashMap<>();
    for (String raw : names) {
      TagName tag = TagName.of(raw);
      byKey.putIfAbsent(tag.key(), tag);
      if (byKey.size() > MAX_TAGS) {
        throw new InvalidInputException(
            "tags", "a bookmark has at most 100 tags; got " + countDistinct(names));
      }
    }
    return new TagList(new ArrayList<>(byKey.values()));
  }

  public List<String> names() {
    return tags.stream().map(TagName::name).toList();
  }

  private static long countDistinct(Collection<String> names) {
    return names.stream().map(TagName::keyOf).distinct().count();
  }
}
