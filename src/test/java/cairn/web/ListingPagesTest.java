package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.bookmark.BookmarkDraft;
import cairn.support.WebClient.Page;
import cairn.support.WebTest;
import cairn.tag.TagList;
import cairn.user.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ListingPagesTest extends WebTest {
  private User jm;
  private Account ann;
  private final Instant now = Instant.now();

  @BeforeEach
  void data() {
    if (jm != null) {
      return;
    }
    jm = users.create("jm", PASSWORD).user();
    bookmarks.create(
        jm.id(),
        new BookmarkDraft(
            "https://example.com/lamport",
            "Time, Clocks, and the Ordering <of> Events",
            "First paragraph\nsecond line.\n\n    code block\n    more code\n\nLast paragraph.",
            List.of(
                "A distributed system is one in which the failure of a computer you didn't"
                    + " even know existed can render your own computer unusable."),
            TagList.parse("distcomp papers classic"),
            true,
            false,
            now.minus(Duration.ofDays(14))),
        false);
    bookmarks.create(
        jm.id(),
        new BookmarkDraft(
            "https://example.com/raft",
            "Raft",
            "",
            List.of(),
            TagList.parse("distcomp papers"),
            true,
            true,
            LocalDate.of(2017, 7, 3).atStartOfDay().toInstant(ZoneOffset.UTC)),
        false);
    bookmarks.create(
        jm.id(),
        new BookmarkDraft(
            "https://example.com/secret",
            "Secret plans",
            "",
            List.of(),
            TagList.parse("distcomp .hidden"),
            false,
            false,
            now.minus(Duration.ofDays(1))),
        false);
    for (int i = 0; i < 45; i++) {
      save(
          jm,
          "https://example.com/many/" + i,
          "Many " + i,
          "bulk distcomp",
          true,
          now.minus(Duration.ofDays(100 + i)));
    }
    ann = account("ann");
  }

  @Test
  void theTagPageShowsHeaderRowsAndRelatedTags() {
    Page page = browser().get("/u:jm/t:distcomp/t:papers");
    assertEquals(200, page.status(), page.toString());
    Element heading = page.doc().selectFirst("h1.heading");
    assertEquals("jm", heading.selectFirst("a.owner").text());
    assertEquals(List.of("distcomp", "papers"), heading.select(".filter-tag .name").eachText());
    assertEquals("2", heading.selectFirst(".total").text());

    Element lamport = page.doc().select("article.bookmark").get(0);
    Element link = lamport.selectFirst("h2.title a");
    assertEquals("https://example.com/lamport", link.attr("href"));
    assertEquals("Time, Clocks, and the Ordering <of> Events", link.text());
    assertEquals(
        List.of("First paragraph\nsecond line.", "Last paragraph."),
        lamport.select(".notes p").stream().map(Element::wholeText).toList());
    assertEquals("code block\nmore code", lamport.selectFirst(".notes pre").wholeText());
    assertTrue(lamport.selectFirst("blockquote.quote").text().startsWith("A distributed system"));
    assertEquals(List.of("distcomp", "papers", "classic"), lamport.select("a.tag").eachText());
    assertEquals("/u:jm/t:papers", lamport.select("a.tag").get(1).attr("href"));
    assertEquals("14 days ago", lamport.selectFirst("time").text());
    assertTrue(lamport.selectFirst("time").attr("title").endsWith("UTC"));
    assertEquals("jm", lamport.selectFirst("a.by").text());
    assertEquals(
        "july 2017", page.doc().select("article.bookmark").get(1).selectFirst("time").text());

    var related = page.doc().select("aside.related li");
    assertEquals(List.of("classic", "distcomp", "papers"), related.select("a.tag").eachText());
    Element classic = related.get(0);
    assertEquals("/u:jm/t:distcomp/t:papers/t:classic", classic.selectFirst("a.tag").attr("href"));
    assertEquals("1", classic.selectFirst(".count").text());
    assertEquals(
        "/u:jm/t:distcomp/t:papers/t:-classic", classic.selectFirst("a.exclude").attr("href"));
    assertEquals("/u:jm/t:papers", related.get(1).selectFirst("a.remove").attr("href"));
  }

  @Test
  void excludingATagNarrowsTheListingAndCanBeRemoved() {
    Page page = browser().get("/u:jm/t:distcomp/t:-bulk");
    assertEquals("2", page.doc().selectFirst("h1.heading .total").text());
    Element excluded = page.doc().selectFirst(".filter-tag.excluded");
    assertEquals("bulk", excluded.selectFirst(".name").text());
    assertEquals("/u:jm/t:distcomp", excluded.selectFirst("a.remove").attr("href"));
  }

  @Test
  void othersNeverSeePrivateBookmarksTagsOrCounts() {
    for (Page page :
        List.of(browser().get("/u:jm/t:distcomp"), ann.browser().get("/u:jm/t:distcomp"))) {
      assertFalse(page.body().contains("Secret plans"), page.body());
      assertFalse(page.body().contains(".hidden"));
      assertEquals("47", page.doc().selectFirst("h1.heading .total").text());
    }
    assertEquals(200, browser().get("/u:jm/t:.hidden").status());
    assertEquals("0", browser().get("/u:jm/t:.hidden").doc().selectFirst(".total").text());
    assertEquals("0", browser().get("/u:jm?q=secret").doc().selectFirst(".total").text());
  }

  @Test
  void theOwnerSeesTheirPrivateBookmarksAndPrivateTags() {
    Account owner = new Account(jm, browser());
    Page login = owner.browser().get("/login");
    owner
        .browser()
        .submit(login, "form#login", java.util.Map.of("name", "jm", "password", PASSWORD));
    Page page = owner.browser().get("/u:jm/t:distcomp");
    assertEquals("48", page.doc().selectFirst("h1.heading .total").text());
    assertTrue(page.body().contains("Secret plans"));
    assertTrue(page.doc().select("aside.related a.tag").eachText().contains(".hidden"));
    assertNull(page.doc().selectFirst("a.copy"), "no copy link on your own bookmarks");
    assertNotNull(page.doc().selectFirst("a.edit"));
  }

  @Test
  void otherSignedInViewersCanCopyAndAnonymousOnesCannot() {
    Page asAnn = ann.browser().get("/u:jm/t:papers");
    assertTrue(asAnn.doc().selectFirst("a.copy").attr("href").startsWith("/add?copy="));
    assertNull(asAnn.doc().selectFirst("a.edit"));
    assertNull(browser().get("/u:jm/t:papers").doc().selectFirst("a.copy"));
  }

  @Test
  void earlierAndLaterWalkThePagesAndPerPageChangesTheirLength() {
    Page first = browser().get("/u:jm/t:bulk");
    assertEquals(20, first.doc().select("article.bookmark").size());
    assertNull(first.doc().selectFirst("a.later"));
    Page second = browser().get(first.doc().selectFirst("a.earlier").attr("href"));
    assertEquals("Many 20", second.doc().selectFirst("h2.title").text());
    Page third = browser().get(second.doc().selectFirst("a.earlier").attr("href"));
    assertEquals(5, third.doc().select("article.bookmark").size());
    assertNull(third.doc().selectFirst("a.earlier"));
    Page back = browser().get(third.doc().selectFirst("a.later").attr("href"));
    assertEquals("Many 20", back.doc().selectFirst("h2.title").text());

    assertEquals(
        List.of("20", "40", "80", "120", "160"),
        first.doc().select(".per-page a, .per-page strong").eachText());
    Page forty = browser().get(first.doc().select(".per-page a").get(0).attr("href"));
    assertEquals(40, forty.doc().select("article.bookmark").size());
    assertEquals("40", forty.doc().selectFirst(".per-page strong.current").text());
  }

  @Test
  void everyonesTagPageShowsSharedBookmarksOfAllUsers() {
    save(ann.user(), "https://example.com/ann-paper", "Ann's paper", "papers", true, now);
    save(ann.user(), "https://example.com/ann-private", "Ann's private", "papers", false, now);
    Page page = browser().get("/t:papers");
    assertEquals("3", page.doc().selectFirst("h1.heading .total").text());
    assertTrue(page.doc().select("a.by").eachText().containsAll(List.of("jm", ann.name())));
    assertFalse(page.body().contains("Ann's private"));
    Page recent = browser().get("/recent");
    assertEquals(200, recent.status());
    assertFalse(recent.body().contains("Secret plans"));
  }

  @Test
  void theSearchBoxSearchesWithinTheListing() {
    Page page = browser().get("/u:jm/t:distcomp");
    assertEquals("/u:jm/t:distcomp", page.doc().selectFirst("form.search").attr("action"));
    Page found = browser().get("/u:jm/t:distcomp?q=raft");
    assertEquals(List.of("Raft"), found.doc().select("h2.title").eachText());
  }

  @Test
  void tagsWithSlashesAndNonAsciiLettersRoundTripThroughTheirLinks() {
    save(jm, "https://example.com/odd", "Odd tags", "c/c++ café", true, now);
    Page page = browser().get("/u:jm/t:c%2Fc%2B%2B");
    assertEquals(List.of("Odd tags"), page.doc().select("h2.title").eachText());
    String cafe =
        page.doc().select("aside.related a.tag").stream()
            .filter(a -> a.text().equals("café"))
            .findFirst()
            .orElseThrow()
            .attr("href");
    assertEquals("/u:jm/t:c%2Fc++/t:caf%C3%A9".replace("++", "%2B%2B"), cafe);
    assertEquals(List.of("Odd tags"), browser().get(cafe).doc().select("h2.title").eachText());
  }

  @Test
  void unknownUsersAndBadParametersArePagesWithTheirStatus() {
    Page missing = browser().get("/u:nobody_here");
    assertEquals(404, missing.status());
    assertTrue(missing.body().contains("<html"), missing.body());
    Page bad = browser().get("/u:jm?per_page=33");
    assertEquals(400, bad.status());
    assertTrue(bad.doc().selectFirst("p.message").text().contains("per_page"), bad.body());
    Page badPath = browser().get("/u:jm/notatag");
    assertEquals(400, badPath.status());
  }
}
