package cairn.api;

import cairn.api.ListingResponse.TagResponse;
import cairn.browse.ListingService;
import cairn.input.InvalidInputException;
import cairn.query.Listing;
import cairn.query.TagCount;
import cairn.tag.TagService;
import cairn.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/tags}: a user's tags with counts, the tags related to a filter, and renaming,
 * merging and deleting your own tags. Counts come from the same listing engine as everything else.
 */
@Controller("/api/v1/tags")
@ExecuteOn(TaskExecutors.BLOCKING)
final class TagController {
  private final ListingService listings;
  private final ListingParams params;
  private final TagService tags;
  private final JsonObjectReader json;

  TagController(
      ListingService listings, ListingParams params, TagService tags, JsonObjectReader json) {
    this.listings = listings;
    this.params = params;
    this.tags = tags;
    this.json = json;
  }

  /** Every tag of the user (default: you) visible to you, with counts; {@code sort=count|alpha}. */
  @Get
  Map<String, List<TagResponse>> all(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer,
      HttpRequest<?> request,
      @Nullable @QueryValue String sort) {
    return related(viewer, request, sort);
  }

  /** The tags co-occurring with {@code tags} in the matching set, the filter tags included. */
  @Get("/related")
  Map<String, List<TagResponse>> related(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer,
      HttpRequest<?> request,
      @Nullable @QueryValue String sort) {
    Listing listing = params.read(viewer, request.getParameters());
    var page = listings.list(listing.withCursor(null));
    List<TagCount> counts =
        switch (sort == null ? "alpha" : sort) {
          case "alpha" -> page.related();
          case "count" -> page.relatedByCount();
          default ->
              throw new InvalidInputException(
                  "sort", "must be 'alpha' or 'count'; got '" + sort + "'");
        };
    return Map.of("tags", TagResponse.of(counts));
  }

  /** Renames one of your tags: {@code {"name": "new"}}; an existing tag of that name merges. */
  @Put(value = "/{name}", consumes = MediaType.APPLICATION_JSON)
  Map<String, Object> rename(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer,
      @PathVariable String name,
      @Nullable @Body String body) {
    String to =
        json.read(body, Set.of("name"))
            .text("name")
            .orElseThrow(() -> new InvalidInputException("name", "is required"));
    var changed = tags.rename(viewer.id(), name, to);
    return Map.of("renamed", name, "to", to, "bookmarks", changed.bookmarks());
  }

  @Delete("/{name}")
  Map<String, Object> delete(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer, @PathVariable String name) {
    var changed = tags.delete(viewer.id(), name);
    return Map.of("deleted", name, "bookmarks", changed.bookmarks());
  }
}
