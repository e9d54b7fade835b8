package cairn.api.pinboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.note.NoteService;
import cairn.support.ApiTest;
import cairn.support.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Pinboard method in both formats, including every error envelope, against golden documents
 * in {@code src/test/resources/pinboard/golden/}, written from PINBOARD_API.md. Values that change
 * from run to run are placeholders: {@code {{hex32}}}, {@code {{hex20}}}, {@code {{HEX20}}}, {@code
 * {{time}}} (a Pinboard datetime) and {@code {{notetime}}}.
 *
 * <p>Run with {@code -Dcairn.golden.record=true} to write the documents after a deliberate change;
 * then read every diff against PINBOARD_API.md before committing them.
 */
@MicronautTest(transactional = false)
class PinboardContractTest extends ApiTest {
  private static final Path GOLDEN = Path.of("src/test/resources/pinboard/golden");
  private static final boolean RECORD = Boolean.getBoolean("cairn.golden.record");
  private static final Map<String, String> PLACEHOLDERS =
      Map.of(
          "{{hex32}}", "[0-9a-f]{32}",
          "{{hex20}}", "[0-9a-f]{20}",
          "{{HEX20}}", "[0-9A-F]{20}",
          "{{time}}", "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ",
          "{{notetime}}", "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

  @Inject NoteService notes;

  /** One call: a golden name, the method and query (without auth and format), the status. */
  record Call(String name, String query, int status) {}

  @Test
  void everyMethodAnswersInPinboardsShapeInBothFormats() throws IOException {
    var created = users.create("golden", "golden-password");
    notes.create(created.user().id(), "A note", "Note text with <markup> & more");
    Http http = new Http(server.getURI());
    List<Call> calls =
        List.of(
            new Call(
                "posts_add_done",
                "posts/add?url=https://example.com/one&description=One&extended=Notes%20%26%20more&tags=alpha,beta%20gamma&dt=2021-03-04T05:06:07.890Z&shared=yes",
                200),
            new Call(
                "posts_add_second",
                "posts/add?url=https://example.org/two&description=Two&tags=alpha&dt=2021-03-05T01:00:00%2B02:00&shared=no&toread=yes",
                200),
            new Call(
                "posts_add_exists",
                "posts/add?url=https://example.com/one&description=Again&replace=no",
                200),
            new Call("posts_add_missing_url", "posts/add?description=No%20url", 200),
            new Call(
                "posts_add_bad_scheme", "posts/add?url=javascript:alert(1)&description=x", 200),
            new Call(
                "posts_add_too_many_tags",
                "posts/add?url=https://example.com/many&description=x&tags=" + tags(101),
                200),
            new Call(
                "posts_add_bad_dt",
                "posts/add?url=https://example.com/dt&description=x&dt=yesterday",
                200),
            new Call("posts_get_url", "posts/get?url=https://example.com/one&meta=yes", 200),
            new Call("posts_get_unknown_url", "posts/get?url=https://example.com/nothing", 200),
            new Call("posts_get_dt", "posts/get?dt=2021-03-04", 200),
            new Call("posts_recent", "posts/recent?count=5", 200),
            new Call("posts_dates", "posts/dates?tag=alpha", 200),
            new Call("posts_dates_empty", "posts/dates?tag=nothing", 200),
            new Call("posts_all", "posts/all", 200),
            new Call("posts_all_page", "posts/all?start=1&results=1", 200),
            new Call("posts_all_empty", "posts/all?tag=nothing", 200),
            new Call("posts_suggest", "posts/suggest?url=https://example.com/one", 200),
            new Call("tags_get", "tags/get", 200),
            new Call("tags_rename", "tags/rename?old=gamma&new=Delta", 200),
            new Call("tags_rename_unknown", "tags/rename?old=nothing&new=x", 200),
            new Call("tags_delete", "tags/delete?tag=beta", 200),
            new Call("user_api_token", "user/api_token/", 200),
            new Call("user_secret", "user/secret", 200),
            new Call("notes_list", "notes/list", 200),
            new Call("posts_delete_done", "posts/delete?url=https://example.org/two", 200),
            new Call("posts_delete_not_found", "posts/delete?url=https://example.org/two", 200),
            new Call("posts_update", "posts/update", 200),
            new Call("unknown_method", "posts/frobnicate", 404));
    List<String> failures = new ArrayList<>();
    String auth = "auth_token=" + created.token();
    for (Call call : calls) {
      for (String format : List.of("json", "xml")) {
        String sep = call.query().contains("?") ? "&" : "?";
        String query = call.query() + sep + auth + (format.equals("json") ? "&format=json" : "");
        // writes run once (JSON); their XML golden is the same call's envelope on a repeat-safe
        // twin
        if (format.equals("xml") && call.name().startsWith("posts_add_done")) {
          query = query.replace("example.com/one", "example.com/xml-one");
        }
        if (format.equals("xml") && call.name().equals("posts_delete_done")) {
          query =
              query
                      .replace("posts/delete", "posts/add")
                      .replace("example.org/two", "example.org/xml-two")
                  + "&description=d";
        }
        if (format.equals("xml")
            && call.name().startsWith("tags_rename")
            && !call.name().endsWith("unknown")) {
          query = query.replace("old=gamma&new=Delta", "old=Delta&new=Delta");
        }
        if (format.equals("xml") && call.name().equals("tags_delete")) {
          query = query.replace("tag=beta", "tag=alpha");
        }
        var response = http.get("/v1/" + query, null);
        compare(call.name() + "." + format, call.status(), response, failures);
      }
    }
    var unauthorized = http.get("/v1/posts/recent?format=json", null);
    compare("unauthorized.json", 401, unauthorized, failures);
    assertTrue(
        unauthorized
            .headers()
            .firstValue("www-authenticate")
            .orElse("")
            .startsWith("Basic realm="));
    compare("unauthorized.xml", 401, http.get("/v1/posts/recent", null), failures);
    assertEquals(List.of(), failures);
  }

  private static void compare(
      String name, int status, Http.Response response, List<String> failures) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (RECORD) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, response.body() + "\n");
    }
    if (response.status() != status) {
      failures.add(name + ": status " + response.status() + " " + response.body());
      return;
    }
    String type = response.contentType();
    if (!type.startsWith(name.endsWith(".json") ? "application/json" : "text/xml")) {
      failures.add(name + ": content type " + type);
    }
    String golden;
    try (InputStream in =
        PinboardContractTest.class.getResourceAsStream("/pinboard/golden/" + name)) {
      if (in == null) {
        failures.add(name + ": no golden document");
        return;
      }
      golden = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    if (!pattern(golden).matcher(response.body().strip()).matches()) {
      failures.add(name + ":\n  expected " + golden + "\n  actual   " + response.body());
    }
  }

  /** The golden text, literal except for its placeholders. */
  private static Pattern pattern(String golden) {
    StringBuilder regex = new StringBuilder();
    Matcher m = Pattern.compile("\\{\\{\\w+}}").matcher(golden);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(golden.substring(last, m.start())));
      regex.append(PLACEHOLDERS.getOrDefault(m.group(), Pattern.quote(m.group())));
      last = m.end();
    }
    regex.append(Pattern.quote(golden.substring(last)));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static String tags(int n) {
    StringBuilder tags = new StringBuilder();
    for (int i = 0; i < n; i++) {
      tags.append(i == 0 ? "" : ",").append("t").append(i);
    }
    return URLEncoder.encode(tags.toString(), StandardCharsets.UTF_8);
  }
}
