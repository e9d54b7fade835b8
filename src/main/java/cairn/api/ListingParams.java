package cairn.api;

import cairn.follow.FollowQueries;
import cairn.input.Flags;
import cairn.input.InvalidInputException;
import cairn.input.PageSize;
import cairn.query.Cursor;
import cairn.query.Listing;
import cairn.tag.TagList;
import cairn.user.User;
import cairn.user.UserService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Reads a {@link Listing} from query parameters: {@code user} (default: you), {@code
 * scope=everyone} or {@code scope=network} (the people you follow), {@code tags}, {@code exclude},
 * {@code q}, {@code toread}, {@code per_page}, {@code cursor}.
 */
@Singleton
final class ListingParams {
  private final UserService users;
  private final FollowQueries follows;

  ListingParams(UserService users, FollowQueries follows) {
    this.users = users;
    this.follows = follows;
  }

  Listing read(User viewer, HttpParameters params) {
    Listing base =
        "network".equals(params.get("scope"))
            ? network(viewer, params)
            : Listing.of(viewer.id(), owner(viewer, params));
    return base.withTags(tags(params.get("tags")))
        .withExcluded(tags(params.get("exclude")))
        .withText(params.get("q"))
        .withToread(Flags.parse("toread", params.get("toread")))
        .withCursor(params.getFirst("cursor").map(Cursor::decode).orElse(null))
        .withPerPage(perPage(params.get("per_page")));
  }

  /** The shared bookmarks of the people the viewer follows. */
  private Listing network(User viewer, HttpParameters params) {
    if (params.contains("user")) {
      throw new InvalidInputException("user", "cannot be combined with scope=network");
    }
    return follows.network(viewer.id());
  }

  private Long owner(User viewer, HttpParameters params) {
    String scope = params.get("scope");
    if (scope != null && !scope.equals("everyone") && !scope.equals("user")) {
      throw new InvalidInputException(
          "scope", "must be 'everyone', 'network' or 'user'; got '" + scope + "'");
    }
    if ("everyone".equals(scope)) {
      if (params.contains("user")) {
        throw new InvalidInputException("user", "cannot be combined with scope=everyone");
      }
      return null;
    }
    String name = params.get("user");
    return name == null || name.equals(viewer.name()) ? viewer.id() : users.getByName(name).id();
  }

  private static List<String> tags(@Nullable String text) {
    return text == null ? List.of() : TagList.parse(text).names();
  }

  /** The API's {@code per_page}: for every API listing, the same choices as the pages for now. */
  static int perPage(@Nullable String value) {
    return PageSize.parse(value, PageSize.DEFAULT);
  }
}
