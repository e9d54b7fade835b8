package cairn.web;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** A user's whole tag cloud, with rename/merge and delete for its owner. */
public record CloudView(
    PageView page,
    String owner,
    String ownerHref,
    boolean mine,
    boolean byCount,
    boolean cloud,
    List<Tag> tags,
    String alphabeticalHref,
    String byCountHref,
    String cloudHref,
    String listHref,
    @Nullable String error,
    String from,
    String to) {

  public record Tag(String name, int count, String href, int size) {}
}
