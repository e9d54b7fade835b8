package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.WebClient.Page;
import cairn.support.WebTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class TagPagesTest extends WebTest {

  @Test
  void theCloudShowsEveryTagSizedByCountAlphabeticallyOrByCount() {
    Account me = account("cloud");
    for (int i = 0; i < 9; i++) {
      save(
          me.user(),
          "https://example.org/" + i,
          "b" + i,
          i < 8 ? "big" : "small",
          true,
          Instant.now());
    }
    save(me.user(), "https://example.org/p", "p", ".mine big", false, Instant.now());
    Page alpha = browser().get("/u:" + me.name() + "/tags");
    assertEquals(List.of("big", "small"), alpha.doc().select("ul.cloud a.tag").eachText());
    assertEquals("size-6", alpha.doc().select("ul.cloud li").get(0).className());
    assertEquals("size-1", alpha.doc().select("ul.cloud li").get(1).className());
    assertNull(alpha.doc().selectFirst("form#rename"), "only the owner gets the tools");

    Page own = me.browser().get("/u:" + me.name() + "/tags?sort=count&view=list");
    assertEquals(List.of("big", ".mine", "small"), own.doc().select("ul.list a.tag").eachText());
    assertEquals(List.of("9", "1", "1"), own.doc().select("ul.list .count").eachText());
  }

  @Test
  void renamingOntoAnExistingTagMergesThemAndDeletingRemovesIt() {
    Account me = account("rename");
    save(me.user(), "https://example.org/1", "one", "js", true, Instant.now());
    save(me.user(), "https://example.org/2", "two", "javascript", true, Instant.now());
    Page tags = me.browser().get("/u:" + me.name() + "/tags");
    Page renamed =
        me.browser().submit(tags, "form#rename", Map.of("from", "js", "to", "javascript"));
    assertEquals(303, renamed.status(), renamed.toString());
    Page merged = me.browser().get(renamed.location());
    assertEquals("2", merged.doc().selectFirst("h1.heading .total").text());

    Page confirm = me.browser().get("/u:" + me.name() + "/tags/delete?tag=javascript");
    me.browser().submit(confirm, "section.message form", Map.of());
    assertTrue(me.browser().get("/u:" + me.name() + "/tags").doc().select("ul.cloud li").isEmpty());
    assertEquals(2, me.browser().get("/u:" + me.name()).doc().select("article").size());
  }

  @Test
  void aBadRenameComesBackWithTheMessageAndOthersCannotRename() {
    Account me = account("badrename");
    Account other = account("intruder");
    save(me.user(), "https://example.org/1", "one", "js", true, Instant.now());
    Page tags = me.browser().get("/u:" + me.name() + "/tags");
    Page bad = me.browser().submit(tags, "form#rename", Map.of("from", "js", "to", "-js"));
    assertEquals(400, bad.status());
    assertTrue(bad.doc().selectFirst(".errors").text().contains("-"), bad.body());
    assertEquals("-js", bad.doc().selectFirst("input[name=to]").val());
    Page missing = me.browser().submit(tags, "form#rename", Map.of("from", "nope", "to", "x"));
    assertEquals(400, missing.status());

    Page theirs = other.browser().get("/u:" + other.name() + "/tags");
    Page forged =
        other
            .browser()
            .post(
                "/u:" + me.name() + "/tags/rename",
                Map.of(
                    "from",
                    "js",
                    "to",
                    "hacked",
                    "csrf",
                    theirs.doc().selectFirst("input[name=csrf]") == null
                        ? other
                            .browser()
                            .get("/settings")
                            .doc()
                            .selectFirst("input[name=csrf]")
                            .val()
                        : theirs.doc().selectFirst("input[name=csrf]").val()));
    assertEquals(404, forged.status());
  }
}
