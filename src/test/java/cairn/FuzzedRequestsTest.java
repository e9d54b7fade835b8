package cairn;

import static cairn.db.schema.Tables.BOOKMARKS;
import static cairn.db.schema.Tables.CHANGES;
import static cairn.db.schema.Tables.QUOTES;
import static cairn.db.schema.Tables.TAGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.input.TextLimits;
import cairn.support.Http;
import cairn.support.RawHttp;
import cairn.support.Sql;
import cairn.support.WebTest;
import cairn.user.SessionService;
import cairn.user.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * Every route the server has, taken from its router, sent the classes of bad values that once
 * answered 500: ports past 65535, lone surrogates, NUL and other controls, broken percent escapes,
 * numbers and dates past any range, {@code next=} paths that lead elsewhere, oversized and deeply
 * nested bodies. None may answer 5xx, and afterwards the store holds no half-written bookmark and
 * no character that breaks a Pinboard XML listing.
 */
@MicronautTest(transactional = false)
class FuzzedRequestsTest extends WebTest {
  private static final String PASSWORD_OF_FUZZ = "fuzz password 1";

  /** Values that go through percent-encoding (forms, queries) or JSON escaping. */
  private static final List<String> VALUES =
      List.of(
          "http://a.example:99999999999/",
          "https://a.example:65536/x",
          "http://a.example:-1/",
          "https://e.com/\ud800",
          "\ud800",
          "a\udfffb",
          "\u0000",
          "a\u0000b",
          "\u0001",
          "\u000b",
          "\u001b[31m",
          "\ufffe",
          "\uffff",
          "/\t/evil.example",
          "/\r\n/evil.example",
          "/\u000b/evil.example",
          "/\u3000/evil.example",
          "/ /evil.example",
          "//evil.example",
          "/\\evil.example",
          "javascript:alert(1)",
          "2147483647",
          "2147483000",
          "99999999999",
          "-1",
          "+999999999-12-31T23:59:59Z",
          "-999999999-01-01T00:00:00Z",
          "",
          " ",
          "t:-",
          "x".repeat(70_000));

  /** Values sent exactly as written, escapes the server must decode itself. */
  private static final List<String> RAW = List.of("%", "%zz", "%e0%a4", "%ED%A0%80", "%00");

  private static final List<String> FIELDS =
      List.of(
          "url",
          "title",
          "description",
          "extended",
          "notes",
          "quote",
          "tags",
          "tag",
          "old",
          "new",
          "shared",
          "toread",
          "private",
          "replace",
          "dt",
          "start",
          "results",
          "fromdt",
          "todt",
          "count",
          "meta",
          "next",
          "q",
          "per_page",
          "cursor",
          "name",
          "password",
          "password2",
          "current_password",
          "invite",
          "format",
          "k",
          "text",
          "sort",
          "to",
          "exclude",
          "user",
          "wait",
          "folder_tags",
          "split_tags");

  private static final List<String> PINBOARD_METHODS =
      List.of(
          "posts/add",
          "posts/get",
          "posts/all",
          "posts/recent",
          "posts/dates",
          "posts/delete",
          "posts/suggest",
          "posts/update",
          "tags/get",
          "tags/delete",
          "tags/rename",
          "notes/list",
          "notes/x",
          "user/api_token",
          "user/secret");

  private static final Set<String> SKIPPED = Set.of("POST /logout");
  private static final Pattern VARIABLE = Pattern.compile("\\{([+]?)(\\w+)}");

  @Inject Router router;
  @Inject SessionService sessions;
  @Inject Sql sql;

  private User owner;
  private RawHttp raw;
  private String cookie;
  private String csrf;
  private String basic;
  private long bookmarkId;
  private long quoteId;
  private int unique;
  private final List<String> failures = new ArrayList<>();
  private int sent;

  @Test
  void noRouteAnswers5xxToBadBytesAndNothingIsHalfWritten() throws Exception {
    owner = users.create("fuzz_owner", PASSWORD_OF_FUZZ).user();
    raw = new RawHttp(server.getPort());
    String session = sessions.start(owner.id());
    csrf = sessions.find(session).orElseThrow().csrf();
    cookie = "cairn_session=" + session;
    basic = Http.basic(owner.name(), PASSWORD_OF_FUZZ);
    var made =
        http.json(
            "POST",
            "/api/v1/bookmarks",
            basic,
            "{\"url\": \"https://fuzz.example.com/kept\", \"tags\": \"a b\", \"quotes\": [\"q\"]}");
    bookmarkId = made.json().get("id").asLong();
    quoteId = made.json().get("quotes").get(0).get("id").asLong();
    save(owner, "https://fuzz.example.com/second", "Second", "a c", true, Instant.now());

    List<String[]> routes =
        router
            .uriRoutes()
            .map(r -> new String[] {r.getHttpMethodName(), r.getUriMatchTemplate().toString()})
            .filter(r -> !SKIPPED.contains(r[0] + " " + r[1]) && !r[0].equals("HEAD"))
            .toList();
    assertTrue(routes.size() > 30, "routes: " + routes.size());
    for (String[] route : routes) {
      List<String> targets = targets(route[1]);
      int good = route[1].contains("{+path}") ? targets.size() : 1;
      for (int i = 0; i < targets.size(); i++) {
        if (i < good) {
          sweep(route[0], targets.get(i));
        } else {
          plain(route[0], targets.get(i));
        }
      }
    }
    everyFieldOfTheWrites();
    nestedAndBrokenBodies();
    System.out.printf(
        "FuzzedRequestsTest: %d routes, %d requests, %d answered 5xx%n",
        routes.size(), sent, failures.size());
    failures.forEach(f -> System.out.println("5xx: " + f));
    assertEquals(List.of(), failures, failures.size() + " of " + sent + " requests answered 5xx");
    storeHoldsNothingHalfWrittenOrUncarried();
  }

  /** The route's paths: its variables filled in with good values, then with each bad one. */
  private List<String> targets(String template) {
    List<String> targets = new ArrayList<>();
    if (template.contains("{+path}")) {
      PINBOARD_METHODS.forEach(m -> targets.add(template.replace("{+path}", m)));
      return targets;
    }
    targets.add(fill(template, null));
    if (VARIABLE.matcher(template).find()) {
      for (String v : VALUES) {
        if (v.length() < 1000) {
          targets.add(fill(template, enc(v)));
        }
      }
      for (String r : RAW) {
        targets.add(fill(template, r));
      }
    }
    return targets;
  }

  private String fill(String template, String bad) {
    Matcher m = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String good =
          switch (m.group(2)) {
            case "id" -> Long.toString(bookmarkId);
            case "quoteId" -> Long.toString(quoteId);
            case "name" -> owner.name();
            case "tags" -> "t:a";
            default -> "x";
          };
      m.appendReplacement(out, Matcher.quoteReplacement(bad == null ? good : bad));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Each bad value once per route, in a field that moves on with every value. */
  private void sweep(String method, String target) {
    boolean api = target.startsWith("/api/");
    int field = Math.floorMod(target.hashCode(), FIELDS.size());
    List<String> all = new ArrayList<>(VALUES.size() + RAW.size());
    VALUES.forEach(v -> all.add(enc(v)));
    all.addAll(RAW);
    for (int i = 0; i < all.size(); i++) {
      String name = FIELDS.get((field + i) % FIELDS.size());
      Map<String, String> fields = defaults();
      fields.put(name, all.get(i));
      String jsonValue = i < VALUES.size() ? VALUES.get(i) : RAW.get(i - VALUES.size());
      if (api && !method.equals("GET") && !method.equals("DELETE")) {
        send(method, target, "application/json", json(name, jsonValue), name);
      } else if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
        send(method, target, "application/x-www-form-urlencoded", form(fields), name);
      } else {
        send(method, target + (target.contains("?") ? "&" : "?") + form(fields), null, null, name);
      }
    }
  }

  /** The writes people use most, with every bad value in every field they read. */
  private void everyFieldOfTheWrites() {
    List<String> bookmark = List.of("url", "title", "notes", "quote", "tags", "next", "private");
    List<String> pinboard =
        List.of("url", "description", "extended", "tags", "dt", "shared", "toread", "replace");
    List<String> all = List.of("start", "results", "fromdt", "todt", "tag", "meta");
    for (String name : bookmark) {
      for (String v : VALUES) {
        Map<String, String> fields = defaults();
        fields.put(name, enc(v));
        send("POST", "/add", "application/x-www-form-urlencoded", form(fields), name);
        send("POST", "/api/v1/bookmarks", "application/json", json(name, v), name);
        send("PATCH", "/api/v1/bookmarks/" + bookmarkId, "application/json", json(name, v), name);
        send(
            "POST",
            "/b/" + bookmarkId + "/edit",
            "application/x-www-form-urlencoded",
            form(fields),
            name);
      }
    }
    for (String name : pinboard) {
      for (String v : VALUES) {
        Map<String, String> fields = defaults();
        fields.put(name, enc(v));
        send("GET", "/v1/posts/add?" + form(fields), null, null, name);
      }
    }
    for (String name : all) {
      for (String v : VALUES) {
        send("GET", "/v1/posts/all?" + name + "=" + enc(v), null, null, name);
      }
    }
  }

  /** The route with good fields (the bad value is in its path). */
  private void plain(String method, String target) {
    String fields = form(defaults());
    if (target.startsWith("/api/") && !method.equals("GET") && !method.equals("DELETE")) {
      send(method, target, "application/json", json("title", "t"), "path");
    } else if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
      send(method, target, "application/x-www-form-urlencoded", fields, "path");
    } else {
      send(method, target + "?" + fields, null, null, "path");
    }
  }

  private void nestedAndBrokenBodies() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    send("POST", "/api/v1/imports?wait=true", "application/json", deep, "body");
    send("POST", "/api/v1/imports?wait=true&format=pinboard-json", null, deep, "body");
    send(
        "POST", "/api/v1/imports?wait=true", "text/html", "<DL>\u0000<DT><A HREF=\"\ud800\">", "b");
    for (String body : List.of("{", deep, "{\"url\": \"\\ud800\"}", "\u0000", "%zz=%zz")) {
      send("POST", "/api/v1/bookmarks", "application/json", body, "body");
      send("PATCH", "/api/v1/bookmarks/" + bookmarkId, "application/json", body, "body");
      send("POST", "/add", "application/x-www-form-urlencoded", "csrf=" + csrf + "&" + body, "b");
      send("POST", "/v1/posts/add", "application/x-www-form-urlencoded", body, "body");
    }
  }

  private void send(String method, String target, String type, String body, String field) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Cookie", cookie);
    headers.put("Authorization", basic);
    if (type != null) {
      headers.put("Content-Type", type);
    }
    byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    RawHttp.Response r = raw.send(method, target, headers, bytes);
    sent++;
    if (r.status() >= 500 || r.status() < 0) {
      String shown = target.length() > 160 ? target.substring(0, 160) + "…" : target;
      String answer = r.text().length() > 300 ? r.text().substring(0, 300) : r.text();
      failures.add(method + " " + shown + " [" + field + "] → " + answer.replace("\r\n", " | "));
    }
  }

  private Map<String, String> defaults() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("csrf", csrf);
    fields.put("url", enc("https://fuzz.example.com/" + unique++));
    fields.put("title", "t");
    fields.put("description", "d");
    fields.put("tags", "a+b");
    fields.put("tag", "a");
    fields.put("next", "/recent");
    fields.put("password", "not the password");
    fields.put("current_password", "not the password");
    return fields;
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&"));
  }

  /** A bookmark body with the bad value in one member (as a string; the rest are good). */
  private String json(String name, String value) {
    Map<String, String> members = new LinkedHashMap<>();
    members.put("url", quote("https://fuzz.example.com/j" + unique++));
    members.put("title", quote("t"));
    members.put("tags", quote("a b"));
    members.put("text", quote("a quote"));
    members.put(name, quote(value));
    if (name.equals("quote")) {
      members.put("quotes", "[" + quote(value) + "]");
    }
    return members.entrySet().stream()
        .map(e -> quote(e.getKey()) + ": " + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c) || c >= 0xfffe) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private void storeHoldsNothingHalfWrittenOrUncarried() throws Exception {
    int bookmarks = sql.count(BOOKMARKS, BOOKMARKS.USER_ID.eq(owner.id()));
    int journaled =
        sql.read(
            db ->
                db.fetchCount(
                    db.selectDistinct(CHANGES.BOOKMARK_ID)
                        .from(CHANGES)
                        .join(BOOKMARKS)
                        .on(BOOKMARKS.ID.eq(CHANGES.BOOKMARK_ID))));
    assertEquals(sql.count(BOOKMARKS, org.jooq.impl.DSL.noCondition()), journaled);
    List<String> texts =
        sql.read(
            db -> {
              List<String> all = new ArrayList<>();
              db.select(BOOKMARKS.URL, BOOKMARKS.TITLE, BOOKMARKS.NOTES)
                  .from(BOOKMARKS)
                  .forEach(r -> all.addAll(List.of(r.value1(), r.value2(), r.value3())));
              db.select(QUOTES.TEXT).from(QUOTES).forEach(r -> all.add(r.value1()));
              db.select(TAGS.NAME).from(TAGS).forEach(r -> all.add(r.value1()));
              return all;
            });
    for (String text : texts) {
      assertTrue(TextLimits.firstUncarried(text, 0) < 0, "stored: " + quote(text));
    }
    var listing = http.get("/api/v1/bookmarks?per_page=20", basic).json();
    assertEquals(bookmarks, listing.get("total").asInt(), "the index lists what the store holds");
    String xml = http.get("/v1/posts/all", basic).body();
    DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    String export = http.get("/api/v1/exports?format=netscape", basic).body();
    assertTrue(TextLimits.firstUncarried(export, 0) < 0, "the export carries no controls");
  }
}
