package cairn.web;

import static cairn.db.schema.Tables.FOLLOWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.follow.FollowService;
import cairn.support.Sql;
import cairn.support.WebClient.Page;
import cairn.support.WebTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Following from a user's page, the following and followers lists, and {@code /network}: the shared
 * bookmarks of the people followed, with nothing private of theirs on any part of the page.
 */
@MicronautTest(transactional = false)
class NetworkPagesTest extends WebTest {
  @Inject FollowService follows;
  @Inject Sql sql;

  private Account ann;
  private Account bob;
  private Account cat;
  private final Instant now = Instant.now();

  @BeforeEach
  void data() {
    if (ann != null) {
      return;
    }
    ann = account("ann");
    bob = account("bob");
    cat = account("cat");
    for (int i = 0; i < 30; i++) {
      save(
          bob.user(),
          "https://bob.example/" + i,
          "Bob " + i,
          i % 10 == 0 ? "net papers" : "net",
          true,
          ago(i));
    }
    save(bob.user(), "https://bob.example/private", "Bob private", "net papers", false, ago(0));
    save(bob.user(), "https://bob.example/hidden", "Bob hidden tag", "net .hidden", true, ago(0));
    save(cat.user(), "https://cat.example/1", "Cat one", "net cats", true, ago(1));
    save(ann.user(), "https://ann.example/1", "Ann her own", "net", true, ago(0));
    follows.follow(ann.user().id(), bob.user());
    follows.follow(ann.user().id(), cat.user());
  }

  private Instant ago(int hours) {
    return now.minus(Duration.ofHours(hours + 1));
  }

  @Test
  void theNetworkAsksAnonymousVisitorsToLogInFirst() {
    for (String path : List.of("/network", "/network/t:net")) {
      Page page = browser().get(path);
      assertEquals(303, page.status(), path);
      assertTrue(page.location().startsWith("/login?next="), page.location());
    }
  }

  @Test
  void theNetworkShowsTheSharedBookmarksOfThePeopleFollowedAndNothingPrivate() {
    Page page = ann.browser().get("/network?per_page=40");
    assertEquals(200, page.status(), page.toString());
    Element heading = page.doc().selectFirst("h1.heading");
    assertEquals("network", heading.selectFirst("a.owner").text());
    assertEquals("/network", heading.selectFirst("a.owner").attr("href"));
    assertEquals("32", heading.selectFirst(".total").text());
    List<String> titles = page.doc().select("article.bookmark h2.title").eachText();
    assertEquals(32, titles.size());
    assertEquals(List.of("Bob hidden tag", "Bob 0", "Cat one"), titles.subList(0, 3));
    assertFalse(titles.contains("Bob private"), titles.toString());
    assertFalse(titles.contains("Ann her own"), titles.toString());
    assertTrue(page.doc().select("a.tag").eachText().stream().noneMatch(t -> t.startsWith(".")));
    assertEquals(
        List.of("cats", "net", "papers"), page.doc().select("aside.related a.tag").eachText());
    assertEquals(List.of("1", "32", "3"), page.doc().select("aside.related .count").eachText());
    assertEquals(
        "/network/t:cats?per_page=40", page.doc().selectFirst("aside.related a.tag").attr("href"));
    assertEquals("/network", page.doc().selectFirst("form.search").attr("action"));
    assertEquals(
        "/network?per_page=20", page.doc().select("nav.paging .per-page a").first().attr("href"));
    assertEquals(
        "by", page.doc().selectFirst("article.bookmark .meta").ownText().strip().split(" ")[0]);
  }

  @Test
  void theNetworkNarrowsByTagsExcludesAndSearchesAndPagesEarlier() {
    Page papers = ann.browser().get("/network/t:papers");
    assertEquals(List.of("Bob 0", "Bob 10", "Bob 20"), papers.doc().select("h2.title").eachText());
    assertEquals(List.of("net", "papers"), papers.doc().select("aside.related a.tag").eachText());
    assertEquals(
        "/network/t:papers/t:-net",
        papers.doc().selectFirst("aside.related li a.exclude").attr("href"));
    Page notPapers = ann.browser().get("/network/t:net/t:-papers");
    assertEquals("29", notPapers.doc().selectFirst("h1 .total").text());
    assertEquals(
        0,
        Integer.parseInt(
            ann.browser().get("/network/t:.hidden").doc().selectFirst("h1 .total").text()));
    Page search = ann.browser().get("/network?q=cat");
    assertEquals(List.of("Cat one"), search.doc().select("h2.title").eachText());

    Page first = ann.browser().get("/network");
    assertEquals(20, first.doc().select("article.bookmark").size());
    String earlier = first.doc().selectFirst("a.earlier").attr("href");
    assertTrue(earlier.startsWith("/network?cursor="), earlier);
    Page second = ann.browser().get(earlier);
    assertEquals(12, second.doc().select("article.bookmark").size());
    assertNull(second.doc().selectFirst("a.earlier"));
    assertNotNull(second.doc().selectFirst("a.later"));
  }

  @Test
  void followingNobodySaysHowToFollowPeople() {
    Account dan = account("dan");
    Page page = dan.browser().get("/network");
    assertEquals(200, page.status());
    assertEquals("0", page.doc().selectFirst("h1 .total").text());
    assertTrue(
        page.doc().selectFirst("p.empty").text().startsWith("You follow nobody yet."),
        page.doc().selectFirst("p.empty").text());
  }

  @Test
  void theFollowButtonOnAUsersPageFollowsAndUnfollowsAndGoesBack() {
    Account dan = account("dan");
    Page bobs = dan.browser().get("/u:" + bob.name());
    Element form = bobs.doc().selectFirst("form.follow");
    assertEquals("/u:" + bob.name() + "/follow", form.attr("action"));
    assertEquals("follow " + bob.name(), form.selectFirst("button").text());
    String followersBefore = bobs.doc().selectFirst(".profile a.followers .count").text();

    Page done = dan.browser().submit(bobs, "form.follow", Map.of());
    assertEquals(303, done.status(), done.toString());
    assertEquals("/u:" + bob.name(), done.location());
    Page after = dan.browser().get("/u:" + bob.name());
    assertEquals("unfollow " + bob.name(), after.doc().selectFirst("form.follow button").text());
    assertEquals(
        Integer.parseInt(followersBefore) + 1,
        Integer.parseInt(after.doc().selectFirst(".profile a.followers .count").text()));
    assertEquals(
        "1",
        dan.browser()
            .get("/u:" + dan.name())
            .doc()
            .selectFirst(".profile a.following .count")
            .text());
    assertEquals("31", dan.browser().get("/network").doc().selectFirst("h1 .total").text());

    Page undone = dan.browser().submit(after, "form.follow", Map.of());
    assertEquals(303, undone.status());
    assertEquals(
        "follow " + bob.name(),
        dan.browser().get("/u:" + bob.name()).doc().selectFirst("form.follow button").text());
    assertEquals("0", dan.browser().get("/network").doc().selectFirst("h1 .total").text());
  }

  @Test
  void onlySignedInVisitorsOtherThanTheUserGetTheFollowForm() {
    Page anonymous = browser().get("/u:" + bob.name());
    assertNull(anonymous.doc().selectFirst("form.follow"));
    assertNotNull(anonymous.doc().selectFirst(".profile a.followers"));
    assertNull(bob.browser().get("/u:" + bob.name()).doc().selectFirst("form.follow"));
    assertNotNull(
        bob.browser().get("/u:" + bob.name()).doc().selectFirst("a.network[href=/network]"));
    assertNull(browser().get("/recent").doc().selectFirst("a.network"));
  }

  @Test
  void followingYourselfFromAFormIsRefusedWithAPageThatSaysSo() {
    Page mine = bob.browser().get("/u:" + bob.name());
    String csrf = mine.doc().selectFirst("form[action=/logout] input[name=csrf]").val();
    Page refused = bob.browser().post("/u:" + bob.name() + "/follow", Map.of("csrf", csrf));
    assertEquals(400, refused.status(), refused.toString());
    assertTrue(refused.body().contains("you cannot follow yourself"), refused.body());
    Page nobody = bob.browser().post("/u:nobody_at_all/follow", Map.of("csrf", csrf));
    assertEquals(404, nobody.status());
  }

  @Test
  void theListsArePublicLinkEachPersonAndCountOnlySharedBookmarks() {
    Page following = browser().get("/u:" + ann.name() + "/following");
    assertEquals(200, following.status(), following.toString());
    // both follows may fall in one millisecond: then the order is by name
    assertEquals(
        Set.of(bob.name(), cat.name()),
        Set.copyOf(following.doc().select("li.person a.name").eachText()));
    Element bobs = person(following, bob.name());
    assertEquals("/u:" + bob.name(), bobs.selectFirst("a.name").attr("href"));
    // bob has 31 shared bookmarks and 1 private one; cat 1 shared
    assertEquals("31", bobs.selectFirst(".bookmarks").text());
    assertEquals("1", person(following, cat.name()).selectFirst(".bookmarks").text());
    for (Account viewer : List.of(bob, ann)) {
      Page seen = viewer.browser().get("/u:" + ann.name() + "/following");
      assertEquals("31", person(seen, bob.name()).selectFirst(".bookmarks").text());
    }
    Page followers = browser().get("/u:" + bob.name() + "/followers");
    assertTrue(followers.doc().select("li.person a.name").eachText().contains(ann.name()));
    assertEquals(404, browser().get("/u:nobody_at_all/followers").status());
    Page none = browser().get("/u:" + ann.name() + "/followers");
    assertTrue(none.doc().selectFirst("p.empty").text().startsWith("Nobody follows"));
  }

  private static Element person(Page list, String name) {
    return list.doc().select("li.person").stream()
        .filter(p -> p.selectFirst("a.name").text().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + list.body()));
  }

  @Test
  void deletingAnAccountRemovesItsFollowsBothWays() {
    Account eve = account("eve");
    Account fay = account("fay");
    follows.follow(eve.user().id(), fay.user());
    follows.follow(fay.user().id(), eve.user());
    follows.follow(fay.user().id(), bob.user());
    Page settings = eve.browser().get("/settings");
    Page gone =
        eve.browser()
            .submit(settings, "form[action=/settings/delete]", Map.of("password", PASSWORD));
    assertEquals(303, gone.status());
    long eveId = eve.user().id();
    assertEquals(
        0, sql.count(FOLLOWS, FOLLOWS.FOLLOWER_ID.eq(eveId).or(FOLLOWS.FOLLOWEE_ID.eq(eveId))));
    assertEquals(1, sql.count(FOLLOWS, FOLLOWS.FOLLOWER_ID.eq(fay.user().id())));
    Page fays = browser().get("/u:" + fay.name() + "/following");
    assertEquals(List.of(bob.name()), fays.doc().select("li.person a.name").eachText());
    assertEquals(
        "0",
        browser().get("/u:" + fay.name()).doc().selectFirst(".profile a.followers .count").text());
  }
}
