package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.WebClient;
import cairn.support.WebClient.Page;
import cairn.support.WebTest;
import cairn.user.PreferencesService;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class BookmarkPagesTest extends WebTest {
  @Inject PreferencesService preferences;

  private static Map<String, String> fields(String... kv) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      map.put(kv[i], kv[i + 1]);
    }
    return map;
  }

  @Test
  void theAddFormSavesAndTheBookmarkShowsOnYourPage() {
    Account me = account("add");
    Page form = me.browser().get("/add");
    assertNotNull(form.doc().selectFirst("input[name=private][checked]"), "private by default");
    Page saved =
        me.browser()
            .submit(
                form,
                "form#bookmark",
                fields(
                    "url",
                    "https://example.org/a",
                    "title",
                    "A page",
                    "notes",
                    "<b>bold?</b>",
                    "quote0",
                    "a passage",
                    "tags",
                    "one two,three"));
    assertEquals(303, saved.status(), saved.toString());
    Page mine = me.browser().get("/u:" + me.name());
    assertEquals(List.of("A page"), mine.doc().select("h2.title").eachText());
    assertEquals("<b>bold?</b>", mine.doc().selectFirst(".notes p").text(), "notes are text");
    assertNull(mine.doc().selectFirst(".notes b"));
    assertEquals("a passage", mine.doc().selectFirst("blockquote.quote").text());
    assertEquals(List.of("one", "two", "three"), mine.doc().select("article a.tag").eachText());
    assertNotNull(mine.doc().selectFirst("article.private"));
    assertTrue(browser().get("/u:" + me.name()).doc().select("article").isEmpty(), "private");
  }

  @Test
  void aRejectedFormComesBackWithTheRuleAndEverythingTyped() {
    Account me = account("bad");
    Map<String, String> typed =
        fields(
            "url",
            "javascript:alert(1)",
            "title",
            "My title",
            "notes",
            "my notes",
            "quote0",
            "my quote",
            "tags",
            "keep these");
    Page bad = me.browser().submit(me.browser().get("/add"), "form#bookmark", typed);
    assertEquals(400, bad.status());
    assertTrue(bad.doc().selectFirst(".errors").text().startsWith("url:"), bad.body());
    assertEquals("javascript:alert(1)", bad.doc().selectFirst("input[name=url]").val());
    assertEquals("My title", bad.doc().selectFirst("input[name=title]").val());
    assertEquals("my notes", bad.doc().selectFirst("textarea[name=notes]").val());
    assertEquals("my quote", bad.doc().selectFirst("textarea[name=quote0]").val());
    assertEquals("keep these", bad.doc().selectFirst("input[name=tags]").val());

    String huge = "x".repeat(70_000);
    Page tooLong =
        me.browser()
            .submit(
                me.browser().get("/add"),
                "form#bookmark",
                fields("url", "https://example.org/huge", "quote0", huge));
    assertEquals(400, tooLong.status());
    assertTrue(tooLong.doc().selectFirst(".errors").text().startsWith("quote 1: "));
    assertEquals(huge, tooLong.doc().selectFirst("textarea[name=quote0]").val(), "nothing lost");

    Page badTag =
        me.browser()
            .submit(
                me.browser().get("/add"),
                "form#bookmark",
                fields("url", "https://example.org/t", "tags", "-minus"));
    assertEquals(400, badTag.status());
    assertTrue(badTag.doc().selectFirst(".errors").text().startsWith("tags"), badTag.body());
    assertTrue(me.browser().get("/u:" + me.name()).doc().select("article").isEmpty());
  }

  @Test
  void aPageAlreadySavedOpensItsEditFormWithTheNewQuote() {
    Account me = account("again");
    long id = save(me.user(), "https://example.org/seen", "Seen", "x", true, Instant.now());
    Page form = me.browser().get("/add?popup=1&url=https%3A%2F%2FEXAMPLE.org%2Fseen&quote=new+bit");
    assertEquals(200, form.status());
    assertEquals("/b/" + id + "/edit", form.doc().selectFirst("form#bookmark").attr("action"));
    assertTrue(form.doc().selectFirst(".notice").text().startsWith("You saved this page"));
    assertEquals("new bit", form.doc().selectFirst("textarea[name=quote0]").val());

    Page duplicate =
        me.browser()
            .submit(
                me.browser().get("/add"),
                "form#bookmark",
                fields("url", "https://example.org/seen"));
    assertEquals(409, duplicate.status());
    assertEquals("/b/" + id + "/edit", duplicate.doc().selectFirst("a.existing").attr("href"));
  }

  @Test
  void editingChangesTheBookmarkAndDeletingAsksFirst() {
    Account me = account("edit");
    long id = save(me.user(), "https://example.org/e", "Old", "old", true, Instant.now());
    Page form = me.browser().get("/b/" + id + "/edit");
    Page saved = me.browser().submit(form, "form#bookmark", fields("title", "New", "tags", "new"));
    assertEquals(303, saved.status(), saved.toString());
    Page mine = me.browser().get("/u:" + me.name());
    assertEquals("New", mine.doc().selectFirst("h2.title").text());

    Page confirm = me.browser().get("/b/" + id + "/delete");
    assertEquals("Delete this bookmark?", confirm.doc().selectFirst("h1").text());
    assertEquals(1, me.browser().get("/u:" + me.name()).doc().select("article").size());
    me.browser().submit(confirm, "section.message form", Map.of());
    assertTrue(me.browser().get("/u:" + me.name()).doc().select("article").isEmpty());
  }

  @Test
  void someoneElsesBookmarkCannotBeEditedDeletedOrCopiedWhenPrivate() {
    Account owner = account("owner");
    Account other = account("other");
    long shared = save(owner.user(), "https://example.org/s", "Shared", "t", true, Instant.now());
    long secret = save(owner.user(), "https://example.org/p", "Private", "t", false, Instant.now());
    for (long id : List.of(shared, secret)) {
      assertEquals(404, other.browser().get("/b/" + id + "/edit").status());
      assertEquals(404, other.browser().get("/b/" + id + "/delete").status());
    }
    Page formOfOwner = owner.browser().get("/b/" + shared + "/delete");
    Page attempt = other.browser().submit(formOfOwner, "section.message form", Map.of());
    assertEquals(403, attempt.status(), "another session's token");
    assertEquals(404, other.browser().get("/add?copy=" + secret).status());

    Page copy = other.browser().get("/add?copy=" + shared);
    assertEquals("https://example.org/s", copy.doc().selectFirst("input[name=url]").val());
    assertEquals("Shared", copy.doc().selectFirst("input[name=title]").val());
    assertEquals("t", copy.doc().selectFirst("input[name=tags]").val());
  }

  @Test
  void someoneElsesBookmarkIsNotFoundForEveryFormPostedWithTheirOwnValidToken() {
    Account owner = account("victim");
    Account other = account("poster");
    long id = save(owner.user(), "https://example.org/v", "Kept", "kept", true, Instant.now());
    String token = other.browser().get("/add").doc().selectFirst("input[name=csrf]").val();
    Page edit = other.browser().post("/b/" + id + "/edit", fields("csrf", token, "title", "Mine"));
    assertEquals(404, edit.status(), edit.toString());
    Page invalid =
        other.browser().post("/b/" + id + "/edit", fields("csrf", token, "url", "not a url"));
    assertEquals(404, invalid.status(), "ownership is checked before the input");
    Page read = other.browser().post("/b/" + id + "/read", fields("csrf", token, "unread", "yes"));
    assertEquals(404, read.status(), read.toString());
    Page delete = other.browser().post("/b/" + id + "/delete", fields("csrf", token));
    assertEquals(404, delete.status(), delete.toString());

    Page mine = owner.browser().get("/u:" + owner.name());
    assertEquals(List.of("Kept"), mine.doc().select("h2.title").eachText());
    assertTrue(
        owner
            .browser()
            .get("/u:" + owner.name() + "?unread=yes")
            .doc()
            .select("article")
            .isEmpty());
    Page guest = browser().post("/b/" + id + "/delete", fields());
    assertNotEquals(200, guest.status());
    assertEquals(1, owner.browser().get("/u:" + owner.name()).doc().select("article").size());
  }

  @Test
  void unreadMarkingTogglesFromTheListing() {
    Account me = account("read");
    save(me.user(), "https://example.org/r", "Read me", "", true, Instant.now());
    Page page = me.browser().get("/u:" + me.name());
    me.browser().submit(page, "article form[action$=/read]", Map.of());
    Page unread = me.browser().get("/u:" + me.name() + "?unread=yes");
    assertEquals(List.of("Read me"), unread.doc().select("h2.title").eachText());
    me.browser().submit(unread, "article form[action$=/read]", Map.of());
    assertTrue(
        me.browser().get("/u:" + me.name() + "?unread=yes").doc().select("article").isEmpty());
  }

  @Test
  void theReadLaterBookmarkletSavesUnreadWithItsKeyAlone() {
    Account me = account("later");
    String key = preferences.getOrCreate(me.user().id()).bookmarkletKey();
    Page saved =
        browser().get("/readlater?k=" + key + "&url=https%3A%2F%2Fexample.org%2Fl&title=Later");
    assertEquals(200, saved.status(), saved.toString());
    assertNotNull(saved.doc().selectFirst("[data-close-popup]"));
    Page unread = me.browser().get("/u:" + me.name() + "?unread=yes");
    assertEquals(List.of("Later"), unread.doc().select("h2.title").eachText());
    assertEquals(
        403, browser().get("/readlater?k=" + "0".repeat(32) + "&url=https%3A%2F%2Fx.org").status());
  }

  @Test
  void tagSuggestionsOfferYourTagsFromTheTitleAndOthersTagsForTheUrl() {
    Account me = account("sug");
    Account other = account("sug_other");
    save(me.user(), "https://example.org/x", "x", "java rust", true, Instant.now());
    save(
        other.user(),
        "https://example.org/lucene",
        "Lucene",
        "search indexing",
        true,
        Instant.now());
    Page form =
        me.browser().get("/add?url=https%3A%2F%2Fexample.org%2Flucene&title=Java+and+Lucene");
    assertEquals(List.of("java"), form.doc().select(".suggestions.yours button").eachText());
    assertEquals(
        List.of("indexing", "search"),
        form.doc().select(".suggestions.others button").eachText().stream().sorted().toList());
    Page completions = me.browser().get("/tags/complete?prefix=ru");
    assertEquals("[\"rust\"]", completions.body());
  }

  @Test
  void theBookmarkletsPostedHandOverSurvivesLoggingIn() {
    String name = account("pop").name();
    WebClient popup = browser();
    String quote = "q".repeat(10_000) + " é ✓";
    Page relay =
        popup.post(
            "/add/popup",
            fields("url", "https://example.org/long", "title", "Ünïcode", "quote", quote));
    assertEquals(200, relay.status());
    assertNotNull(relay.doc().selectFirst("form[data-autosubmit]"));
    Page login = popup.submit(relay, "form[data-autosubmit]", Map.of());
    assertEquals(quote, login.doc().selectFirst("form#login input[name=quote]").val());
    Page relayAgain = popup.submit(login, "form#login", Map.of("name", name, "password", PASSWORD));
    assertEquals(200, relayAgain.status(), relayAgain.toString());
    Page form = popup.submit(relayAgain, "form[data-autosubmit]", Map.of());
    assertEquals(quote, form.doc().selectFirst("textarea[name=quote0]").val());
    assertEquals("Ünïcode", form.doc().selectFirst("input[name=title]").val());
    Page done = popup.submit(form, "form#bookmark", Map.of());
    assertNotNull(done.doc().selectFirst("[data-close-popup]"), done.toString());
    assertFalse(popup.get("/u:" + name).doc().select("blockquote.quote").isEmpty());
  }
}
