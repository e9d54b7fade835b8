package cairn.api;

import cairn.follow.FollowQueries;
import cairn.follow.FollowQueries.Direction;
import cairn.follow.FollowService;
import cairn.input.InvalidInputException;
import cairn.input.NotFoundException;
import cairn.user.User;
import cairn.user.UserService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/v1/follows}: follow and unfollow people, and list whom a user follows and who follows
 * them. The lists are public, like the pages {@code /u:NAME/following} and {@code
 * /u:NAME/followers}; the bookmark count of each person counts shared bookmarks only.
 */
@Controller("/api/v1/follows")
@ExecuteOn(TaskExecutors.BLOCKING)
final class FollowController {
  private final FollowService follows;
  private final FollowQueries queries;
  private final UserService users;

  FollowController(FollowService follows, FollowQueries queries, UserService users) {
    this.follows = follows;
    this.queries = queries;
    this.users = users;
  }

  record PersonResponse(String name, long sharedBookmarks, Instant since) {}

  record PeopleResponse(String user, String direction, long count, List<PersonResponse> people) {}

  /**
   * {@code user} (default: you) and {@code direction} ({@code following}, the default, or {@code
   * followers}).
   */
  @Get
  PeopleResponse list(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer,
      @Nullable @QueryValue String user,
      @Nullable @QueryValue String direction) {
    User whose = user == null || user.isEmpty() ? viewer : users.getByName(user);
    Direction way = direction(direction);
    List<PersonResponse> people =
        queries.list(whose.id(), way).stream()
            .map(p -> new PersonResponse(p.name(), p.sharedBookmarks(), p.since()))
            .toList();
    return new PeopleResponse(
        whose.name(), way.name().toLowerCase(Locale.ROOT), people.size(), people);
  }

  /** 204 if you follow {@code name}, 404 if not (or no such user). */
  @Get("/{name}")
  HttpResponse<Void> get(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer, @PathVariable String name) {
    User followee = users.getByName(name);
    if (!queries.follows(viewer.id(), followee.id())) {
      throw new NotFoundException("you do not follow '" + name + "'");
    }
    return HttpResponse.noContent();
  }

  /** Follows {@code name}: 201 the first time, 204 when already followed. */
  @Put("/{name}")
  HttpResponse<Void> follow(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer, @PathVariable String name) {
    User followee = users.getByName(name);
    return follows.follow(viewer.id(), followee)
        ? HttpResponse.created(ApiPaths.follow(followee.name()))
        : HttpResponse.noContent();
  }

  /** Unfollows {@code name}: 204 whether or not they were followed; an unknown user is 404. */
  @Delete("/{name}")
  HttpResponse<Void> unfollow(
      @RequestAttribute(ApiAuthentication.VIEWER) User viewer, @PathVariable String name) {
    follows.unfollow(viewer.id(), users.getByName(name));
    return HttpResponse.noContent();
  }

  private static Direction direction(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return Direction.FOLLOWING;
    }
    return switch (value) {
      case "following" -> Direction.FOLLOWING;
      case "followers" -> Direction.FOLLOWERS;
      default ->
          throw new InvalidInputException(
              "direction", "must be 'following' or 'followers'; got '" + value + "'");
    };
  }
}
