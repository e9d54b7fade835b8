package cairn.web;

import cairn.feed.FeedFormat;
import cairn.feed.FeedSecretService;
import cairn.user.User;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The private feeds on the settings page: their addresses, and a new secret for them (the old
 * addresses are 404 from then on).
 */
@Controller("/settings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class FeedSecretPages {
  private final FeedSecretService secrets;

  FeedSecretPages(FeedSecretService secrets) {
    this.secrets = secrets;
  }

  @Post("/feeds")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> regenerate(Visitor visitor, @Body Map<String, String> form) {
    Forms.requireCsrf(visitor, form);
    visitor.requireSignedIn();
    secrets.regenerate(visitor.id());
    return Forms.seeOther("/settings?saved=feeds#feeds");
  }

  /** The user's private feeds as absolute URLs: all their bookmarks, and the unread ones. */
  static List<FeedLink> privateFeeds(String base, User user) {
    String prefix = "/secret:" + user.feedSecret() + WebPaths.user(user.name());
    List<FeedLink> links = new ArrayList<>();
    for (FeedFormat format : FeedFormat.values()) {
      links.add(FeedLink.of(format, base + "/feeds/" + format.pathName() + prefix, "all"));
    }
    for (FeedFormat format : FeedFormat.values()) {
      links.add(
          FeedLink.of(format, base + "/feeds/" + format.pathName() + prefix + "/toread", "unread"));
    }
    return links;
  }
}
