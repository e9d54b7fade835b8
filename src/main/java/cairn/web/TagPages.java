package cairn.web;

import cairn.browse.ListingPage;
import cairn.browse.ListingService;
import cairn.input.InvalidInputException;
import cairn.query.Listing;
import cairn.query.TagCount;
import cairn.tag.TagNotFoundException;
import cairn.tag.TagService;
import cairn.user.User;
import cairn.user.UserNotFoundException;
import cairn.user.UserService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;

/**
 * {@code /u:NAME/tags}: every tag of a user that the visitor may see, sized by count, alphabetical
 * or by count; the owner renames (renaming onto an existing tag merges the two) and deletes tags
 * here.
 */
@Controller("/u:{name}/tags")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class TagPages {
  private final UserService users;
  private final ListingService listings;
  private final TagService tags;

  TagPages(UserService users, ListingService listings, TagService tags) {
    this.users = users;
    this.listings = listings;
    this.tags = tags;
  }

  @Get
  HttpResponse<?> cloud(
      Visitor visitor,
      String name,
      @QueryValue(defaultValue = "alpha") String sort,
      @QueryValue(defaultValue = "cloud") String view) {
    return Forms.page(
        "tags",
        view(
            visitor,
            users.getByName(name),
            sort.equals("count"),
            !view.equals("list"),
            null,
            "",
            ""));
  }

  @Post("/rename")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> rename(Visitor visitor, String name, @Body Map<String, String> form) {
    Forms.requireCsrf(visitor, form);
    User owner = owner(visitor, name);
    String from = Forms.field(form, "from").strip();
    String to = Forms.field(form, "to").strip();
    try {
      if (from.isEmpty()) {
        throw new InvalidInputException("from", "name the tag to rename");
      }
      tags.rename(owner.id(), from, to);
      return Forms.seeOther(WebPaths.tag(owner.name(), to));
    } catch (InvalidInputException e) {
      return Forms.invalid("tags", view(visitor, owner, false, true, e.getMessage(), from, to));
    } catch (TagNotFoundException e) {
      return Forms.invalid("tags", view(visitor, owner, false, true, e.getMessage(), from, to));
    }
  }

  @Get("/delete")
  HttpResponse<?> confirmDelete(
      Visitor visitor, String name, @QueryValue(defaultValue = "") String tag) {
    User owner = owner(visitor, name);
    MessageView view =
        new MessageView(
            PageView.of("delete tag", visitor),
            "Delete the tag “" + tag + "”?",
            "It is removed from every bookmark that has it; the bookmarks stay.",
            "/u:" + owner.name() + "/tags/delete",
            List.of(new AccountViews.Hidden("tag", tag)),
            "delete tag",
            "/u:" + owner.name() + "/tags",
            -1);
    return Forms.page("message", view);
  }

  @Post("/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> delete(Visitor visitor, String name, @Body Map<String, String> form) {
    Forms.requireCsrf(visitor, form);
    User owner = owner(visitor, name);
    String tag = Forms.field(form, "tag");
    try {
      tags.delete(owner.id(), tag);
      return Forms.seeOther("/u:" + owner.name() + "/tags");
    } catch (InvalidInputException | TagNotFoundException e) {
      return Forms.invalid("tags", view(visitor, owner, false, true, e.getMessage(), "", ""));
    }
  }

  private CloudView view(
      Visitor visitor,
      User owner,
      boolean byCount,
      boolean cloud,
      @Nullable String error,
      String from,
      String to) {
    ListingPage all = listings.list(Listing.of(visitor.id(), owner.id()).withPerPage(1));
    List<TagCount> counts = byCount ? all.relatedByCount() : all.related();
    int max = counts.stream().mapToInt(TagCount::count).max().orElse(1);
    String base = "/u:" + owner.name() + "/tags";
    String mode = cloud ? "" : "&view=list";
    return new CloudView(
        PageView.of(owner.name() + "'s tags", visitor),
        owner.name(),
        WebPaths.user(owner.name()),
        visitor.is(owner.id()),
        byCount,
        cloud,
        counts.stream()
            .map(
                t ->
                    new CloudView.Tag(
                        t.name(),
                        t.count(),
                        WebPaths.tag(owner.name(), t.name()),
                        ListingViews.size(t.count(), max)))
            .toList(),
        base + "?sort=alpha" + mode,
        base + "?sort=count" + mode,
        base + (byCount ? "?sort=count" : ""),
        base + (byCount ? "?sort=count&view=list" : "?view=list"),
        error,
        from,
        to);
  }

  /** The owner of the page, if that is the visitor; anyone else changing tags gets a 404. */
  private User owner(Visitor visitor, String name) {
    visitor.requireSignedIn();
    if (!name.equals(visitor.name())) {
      throw new UserNotFoundException(name);
    }
    return visitor.user();
  }
}
