package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.bookmark.BookmarkPatch;
import cairn.bookmark.UrlKey;
import cairn.support.WebClient.Page;
import cairn.support.WebTest;
import cairn.user.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class UrlPagesTest extends WebTest {
  private static final String URL = "https://example.org/a";
  private static final java.util.Set<String> POPULAR_TITLES =
      java.util.Set.of("Three", "Two new", "Two old", "One");
  private final Instant now = Instant.now();
  private Account ann;
  private Account bob;
  private Account cat;
  private Account dan;
  private long annSave;
  private long bobSave;
  private long catSave;

  @BeforeEach
  void data() {
    if (ann != null) {
      return;
    }
    ann = account("ann");
    bob = account("bob");
    cat = account("cat");
    dan = account("dan");
    annSave = save(ann.user(), URL, "Ann's A", "distcomp papers .annonly", true, ago(3));
    // written differently, the same normalized URL
    bobSave = save(bob.user(), "https://EXAMPLE.org/a#intro", "Bob's A", "distcomp", true, ago(2));
    catSave = save(cat.user(), URL, "Cat's A", "distcomp catsecret", false, ago(1));
    save(dan.user(), "https://example.org/only-dan", "Dan's own", "misc", true, ago(4));
    save(cat.user(), "https://example.org/only-cat", "Cat's secret", "misc", false, ago(4));
  }

  private Instant ago(int hours) {
    return now.minus(Duration.ofHours(hours));
  }

  private static String hash(String url) {
    return UrlKey.of(url).hash();
  }

  @Test
  void theUrlPageListsEveryonesSharedSavesNewestFirstWithTheCountAndTheTagCloud() {
    Page page = browser().get("/url:" + hash(URL));
    assertEquals(200, page.status(), page.toString());
    assertEquals(
        List.of("Bob's A", "Ann's A"), page.doc().select("article.bookmark h2.title").eachText());
    assertEquals(
        List.of(bob.name(), ann.name()), page.doc().select("article.bookmark a.by").eachText());
    assertEquals("saved by 2 people", page.doc().selectFirst(".url-summary .count").text());
    assertEquals(
        List.of("distcomp", "papers"), page.doc().select("aside.related a.tag").eachText());
    assertEquals("/t:distcomp", page.doc().selectFirst("aside.related a.tag").attr("href"));
    assertEquals("2", page.doc().selectFirst("aside.related .count").text());
  }

  @Test
  void theSameUrlWrittenDifferentlyMeetsOnOnePage() {
    assertEquals(hash(URL), hash("http://EXAMPLE.org/a#x".replace("http:", "https:")));
    assertEquals(hash("http://example.org/a"), hash("http://EXAMPLE.org:80/a#x"));
    Page recent = browser().get("/recent");
    assertEquals(
        "/url:" + hash(URL), recent.doc().selectFirst("#b" + bobSave + " a.url-page").attr("href"));
    assertEquals(
        "/url:" + hash(URL), recent.doc().selectFirst("#b" + annSave + " a.url-page").attr("href"));
  }

  @Test
  void aPrivateSaveAndItsTagsNeverShowOrCountForAnyoneButItsOwner() {
    for (Page page :
        List.of(browser().get("/url:" + hash(URL)), ann.browser().get("/url:" + hash(URL)))) {
      assertFalse(page.body().contains("Cat's A"), page.body());
      assertFalse(page.body().contains("catsecret"));
      assertNull(page.doc().selectFirst("section.yours"));
      assertEquals("saved by 2 people", page.doc().selectFirst(".url-summary .count").text());
    }
    assertFalse(browser().get("/url:" + hash(URL)).body().contains("annonly"));
    assertFalse(bob.browser().get("/url:" + hash(URL)).body().contains("annonly"));
  }

  @Test
  void theViewersOwnPrivateSaveShowsToThemAloneWithEditYours() {
    Page page = cat.browser().get("/url:" + hash(URL));
    Element yours = page.doc().selectFirst("section.yours article.bookmark");
    assertNotNull(yours, page.body());
    assertEquals("Cat's A", yours.selectFirst("h2.title").text());
    assertTrue(yours.select("a.tag").eachText().contains("catsecret"));
    assertEquals("/b/" + catSave + "/edit", page.doc().selectFirst("a.edit-yours").attr("href"));
    assertNull(page.doc().selectFirst(".url-summary a.copy"));
    assertEquals("saved by 2 people", page.doc().selectFirst(".url-summary .count").text());
  }

  @Test
  void someoneWithoutASaveCanCopyTheNewestToTheirOwn() {
    Page page = dan.browser().get("/url:" + hash(URL));
    assertEquals(
        "/add?copy=" + bobSave, page.doc().selectFirst(".url-summary a.copy").attr("href"));
    assertNull(page.doc().selectFirst("a.edit-yours"));
    assertNull(browser().get("/url:" + hash(URL)).doc().selectFirst(".url-summary a.copy"));
  }

  @Test
  void aUrlOnlySavedPrivatelyByAnotherIs404AndItsOwnerSeesIt() {
    String secret = "/url:" + hash("https://example.org/only-cat");
    assertEquals(404, browser().get(secret).status());
    assertEquals(404, ann.browser().get(secret).status());
    Page own = cat.browser().get(secret);
    assertEquals(200, own.status(), own.toString());
    assertEquals("saved by 0 people", own.doc().selectFirst(".url-summary .count").text());
    assertEquals(404, browser().get("/url:" + hash("https://never.example.org/")).status());
  }

  @Test
  void aMalformedHashIs400NamingTheField() {
    Page page = browser().get("/url:not-a-hash");
    assertEquals(400, page.status(), page.toString());
    assertTrue(page.doc().selectFirst(".message").text().contains("hash"), page.body());
  }

  @Test
  void rowsSaySavedByNOthersLinkingToTheUrlPageAndPrivateSavesNeverCount() {
    Page recent = browser().get("/recent");
    Element annRow = recent.doc().selectFirst("#b" + annSave);
    assertEquals("saved by 1 other", annRow.selectFirst("a.url-page.saved-by").text());
    assertEquals("/url:" + hash(URL), annRow.selectFirst("a.url-page").attr("href"));
    Page tagPage = browser().get("/u:" + bob.name());
    assertEquals(
        "saved by 1 other", tagPage.doc().selectFirst("#b" + bobSave + " a.url-page").text());
    Page dans = browser().get("/u:" + dan.name());
    assertEquals("url", dans.doc().selectFirst("article.bookmark a.url-page").text());
    assertNull(dans.doc().selectFirst("a.saved-by"));
  }

  @Test
  void theCountsFollowEditsOfPrivacyAndUrl() {
    User eve = users.create(cairn.support.TestStore.uniqueName("eve"), PASSWORD).user();
    User fay = users.create(cairn.support.TestStore.uniqueName("fay"), PASSWORD).user();
    String url = "https://edits.example.org/x";
    long eveSave = save(eve, url, "Eve's", "e", true, ago(1));
    long faySave = save(fay, url, "Fay's", "f", true, ago(1));
    assertEquals("saved by 1 other", rowLink(eveSave));
    bookmarks.update(fay.id(), faySave, patch(url, false));
    assertEquals("url", rowLink(eveSave));
    bookmarks.update(fay.id(), faySave, patch(url, true));
    assertEquals("saved by 1 other", rowLink(eveSave));
    bookmarks.update(fay.id(), faySave, patch("https://edits.example.org/y", true));
    assertEquals("url", rowLink(eveSave));
    bookmarks.update(fay.id(), faySave, patch(url, true));
    assertEquals("saved by 1 other", rowLink(eveSave));
    bookmarks.delete(fay.id(), faySave);
    assertEquals("url", rowLink(eveSave));
  }

  /** The row's link on /recent, which (listing everyone) shows every write made before it. */
  private String rowLink(long id) {
    Page page = browser().get("/recent?per_page=160");
    return page.doc().selectFirst("#b" + id + " a.url-page").text();
  }

  private static BookmarkPatch patch(String url, boolean shared) {
    return new BookmarkPatch(url, null, null, null, null, shared, null, null);
  }

  @Test
  void theBookmarkletPopupSaysWhoElseSavedAKnownUrl() {
    Page popup = dan.browser().get("/add?popup=1&url=" + URL + "&title=A");
    assertEquals(200, popup.status(), popup.toString());
    Element link = popup.doc().selectFirst("p.saved-by a.url-page");
    assertNotNull(link, popup.body());
    assertEquals("saved by 2 others", link.text());
    assertEquals("/url:" + hash(URL), link.attr("href"));
    Page own = ann.browser().get("/add?popup=1&url=" + URL);
    assertEquals("saved by 1 other", own.doc().selectFirst("p.saved-by a.url-page").text());
    Page unknown = dan.browser().get("/add?popup=1&url=https://unknown.example.org/");
    assertNull(unknown.doc().selectFirst("p.saved-by"));
  }

  @Test
  void popularRanksUrlsByPeopleWithinTheWindowAndNeverCountsPrivateSaves() {
    List<User> people = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      people.add(users.create(cairn.support.TestStore.uniqueName("pop"), PASSWORD).user());
    }
    String three = "https://popular.example.org/three";
    String twoNew = "https://popular.example.org/two-new";
    String twoOld = "https://popular.example.org/two-old";
    String onePlusPrivate = "https://popular.example.org/one";
    for (int i = 0; i < 3; i++) {
      save(people.get(i), three, "Three", "pop", true, now.minus(Duration.ofDays(2)));
    }
    save(people.get(0), twoNew, "Two new", "pop", true, ago(2));
    save(people.get(1), twoNew, "Two new", "pop", true, ago(1));
    save(people.get(0), twoOld, "Two old", "pop", true, now.minus(Duration.ofDays(10)));
    save(people.get(1), twoOld, "Two old", "pop", true, now.minus(Duration.ofDays(11)));
    save(people.get(0), onePlusPrivate, "One", "pop", true, ago(1));
    for (int i = 1; i < 4; i++) {
      save(people.get(i), onePlusPrivate, "One", "pop", false, ago(1));
    }

    assertEquals(List.of("Two new"), popular("/popular?window=1d"));
    Page week = browser().get("/popular");
    assertEquals(
        List.of("Three", "Two new"),
        titles(week).stream().filter(POPULAR_TITLES::contains).toList());
    assertEquals("3 people", week.doc().selectFirst("li.popular-url a.people").text());
    assertEquals(
        "/url:" + hash(three), week.doc().selectFirst("li.popular-url a.people").attr("href"));
    assertEquals("7d", week.doc().selectFirst("nav.windows .current").text());
    assertEquals(List.of("Three", "Two new", "Two old"), popular("/popular?window=30d"));
    List<String> all = popular("/popular?window=all&per_page=160");
    assertTrue(all.containsAll(List.of("Three", "Two new", "Two old")), all.toString());
    assertFalse(all.contains("One"), all.toString());
    assertTrue(all.indexOf("Three") < all.indexOf("Two new"));
    assertTrue(all.indexOf("Two new") < all.indexOf("Two old"));
  }

  private List<String> popular(String path) {
    Page page = browser().get(path);
    assertEquals(200, page.status(), page.toString());
    return titles(page).stream().filter(POPULAR_TITLES::contains).toList();
  }

  private static List<String> titles(Page page) {
    return page.doc().select("li.popular-url h2.title").eachText();
  }

  @Test
  void popularPagesLikeEveryListing() {
    User a = users.create(cairn.support.TestStore.uniqueName("pga"), PASSWORD).user();
    User b = users.create(cairn.support.TestStore.uniqueName("pgb"), PASSWORD).user();
    for (int i = 0; i < 25; i++) {
      String url = "https://paged.example.org/" + i;
      save(a, url, "Paged " + i, "p", true, now.minus(Duration.ofDays(40 + i)));
      save(b, url, "Paged " + i, "p", true, now.minus(Duration.ofDays(40 + i)));
    }
    Page first = browser().get("/popular?window=all&per_page=20");
    List<String> firstTitles = titles(first);
    assertEquals(20, firstTitles.size());
    assertNull(first.doc().selectFirst("a.later"));
    Page second = browser().get(first.doc().selectFirst("a.earlier").attr("href"));
    assertEquals(200, second.status(), second.toString());
    List<String> secondTitles = titles(second);
    assertFalse(secondTitles.isEmpty());
    assertTrue(secondTitles.stream().noneMatch(firstTitles::contains));
    assertTrue(secondTitles.contains("Paged 24"), secondTitles.toString());
    Page back = browser().get(second.doc().selectFirst("a.later").attr("href"));
    assertEquals(firstTitles, titles(back));
  }

  @Test
  void aBadWindowPerPageOrCursorIs400NamingIt() {
    Page window = browser().get("/popular?window=2d");
    assertEquals(400, window.status());
    assertTrue(window.doc().selectFirst(".message").text().contains("window"), window.body());
    Page perPage = browser().get("/popular?per_page=7");
    assertEquals(400, perPage.status());
    assertTrue(perPage.doc().selectFirst(".message").text().contains("per_page"));
    Page cursor = browser().get("/popular?cursor=nonsense");
    assertEquals(400, cursor.status());
    assertTrue(cursor.doc().selectFirst(".message").text().contains("cursor"));
  }

  @Test
  void popularIsInTheNavigation() {
    assertNotNull(browser().get("/recent").doc().selectFirst("header.top a[href=/popular]"));
    assertNotNull(ann.browser().get("/recent").doc().selectFirst("header.top a[href=/popular]"));
  }
}
