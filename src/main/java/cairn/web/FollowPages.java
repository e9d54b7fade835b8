package cairn.web;

import cairn.follow.FollowQueries;
import cairn.follow.FollowQueries.Direction;
import cairn.follow.FollowService;
import cairn.user.User;
import cairn.user.UserService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Following people from their page ({@code POST /u:NAME/follow}, {@code /unfollow}), and the lists
 * {@code /u:NAME/following} and {@code /u:NAME/followers}. The lists are public, as Delicious
 * showed a user's network and fans to everyone: who follows whom reveals no bookmark, and the
 * counts next to each person count shared bookmarks only.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class FollowPages {
  private final FollowService follows;
  private final FollowQueries queries;
  private final UserService users;
  private final Clock clock;

  FollowPages(FollowService follows, FollowQueries queries, UserService users, Clock clock) {
    this.follows = follows;
    this.queries = queries;
    this.users = users;
    this.clock = clock;
  }

  @Post("/u:{name}/follow")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> follow(Visitor visitor, String name, @Body Map<String, String> form) {
    User followee = checked(visitor, name, form);
    follows.follow(visitor.id(), followee);
    return back(form, followee);
  }

  @Post("/u:{name}/unfollow")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> unfollow(Visitor visitor, String name, @Body Map<String, String> form) {
    User followee = checked(visitor, name, form);
    follows.unfollow(visitor.id(), followee);
    return back(form, followee);
  }

  @Get("/u:{name}/following")
  HttpResponse<?> following(Visitor visitor, String name) {
    return list(visitor, users.getByName(name), Direction.FOLLOWING);
  }

  @Get("/u:{name}/followers")
  HttpResponse<?> followers(Visitor visitor, String name) {
    return list(visitor, users.getByName(name), Direction.FOLLOWERS);
  }

  /** The form's token first (a forged form learns nothing), then a signed-in visitor, the user. */
  private User checked(Visitor visitor, String name, Map<String, String> form) {
    Forms.requireCsrf(visitor, form);
    visitor.requireSignedIn();
    return users.getByName(name);
  }

  private static HttpResponse<?> back(Map<String, String> form, User followee) {
    return Forms.seeOther(
        Forms.localPath(Forms.field(form, "next"), WebPaths.user(followee.name())));
  }

  private HttpResponse<?> list(Visitor visitor, User user, Direction direction) {
    String path = WebPaths.user(user.name());
    boolean following = direction == Direction.FOLLOWING;
    List<PeopleView.Person> people =
        queries.list(user.id(), direction).stream()
            .map(
                p ->
                    new PeopleView.Person(
                        p.name(),
                        WebPaths.user(p.name()),
                        p.sharedBookmarks(),
                        Dates.relative(p.since(), clock),
                        Dates.exact(p.since())))
            .toList();
    String heading = following ? "follows" : "is followed by";
    return Forms.page(
        "people",
        new PeopleView(
            PageView.of(user.name() + (following ? " · following" : " · followers"), visitor),
            user.name(),
            path,
            heading,
            people,
            List.of(
                new ListingView.Choice("following", path + "/following", following),
                new ListingView.Choice("followers", path + "/followers", !following)),
            following
                ? user.name() + " follows nobody yet."
                : "Nobody follows " + user.name() + " yet."));
  }
}
