package cairn.api.pinboard;

import cairn.api.pinboard.Reply.AllPosts;
import cairn.api.pinboard.Reply.Dates;
import cairn.api.pinboard.Reply.Notes;
import cairn.api.pinboard.Reply.OneNote;
import cairn.api.pinboard.Reply.Post;
import cairn.api.pinboard.Reply.Posts;
import cairn.api.pinboard.Reply.Result;
import cairn.api.pinboard.Reply.ResultCode;
import cairn.api.pinboard.Reply.Suggest;
import cairn.api.pinboard.Reply.Tags;
import cairn.api.pinboard.Reply.UpdateTime;
import cairn.input.XmlText;
import cairn.note.Note;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders replies exactly as Pinboard does (PINBOARD_API.md §1.5–1.7): key order, {@code
 * yes}/{@code no} strings, {@code Z} times without fractions, tags as one space-separated string
 * (XML attribute {@code tag}), {@code meta} always in JSON and only on request in XML, {@code
 * toread} in XML only when yes, and PHP's {@code []} for an empty date map.
 */
final class ReplyWriter {
  private static final DateTimeFormatter NOTE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final ObjectMapper json;

  ReplyWriter(ObjectMapper json) {
    this.json = json;
  }

  static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  String json(Reply reply) {
    Object body =
        switch (reply) {
          case ResultCode r -> Map.of("result_code", r.code());
          case Result r -> Map.of("result", r.value());
          case UpdateTime u -> Map.of("update_time", time(u.time()));
          case Posts p ->
              ordered("date", time(p.date()), "user", p.user(), "posts", posts(p.posts()));
          case AllPosts a -> posts(a.posts());
          case Dates d ->
              ordered(
                  "user",
                  d.user(),
                  "tag",
                  d.tag(),
                  "dates",
                  d.dates().isEmpty() ? List.of() : stringKeys(d.dates()));
          case Suggest s ->
              List.of(Map.of("popular", s.popular()), Map.of("recommended", s.recommended()));
          case Tags t -> t.counts();
          case Notes n ->
              ordered(
                  "count",
                  n.notes().size(),
                  "notes",
                  n.notes().stream().map(ReplyWriter::noteSummary).toList());
          case OneNote n -> note(n.note());
        };
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render " + reply, e);
    }
  }

  String xml(Reply reply) {
    Xml x = new Xml();
    switch (reply) {
      case ResultCode r -> x.start("result").attribute("code", r.code()).empty();
      case Result r -> x.element("result", r.value());
      case UpdateTime u -> x.start("update").attribute("time", time(u.time())).empty();
      case Posts p -> {
        x.start("posts").attribute("dt", time(p.date())).attribute("user", p.user()).open();
        writePosts(x, p.posts(), p.meta());
        x.end("posts");
      }
      case AllPosts a -> {
        x.start("posts").attribute("user", a.user()).open();
        writePosts(x, a.posts(), a.meta());
        x.end("posts");
      }
      case Dates d -> {
        x.start("dates").attribute("user", d.user()).attribute("tag", d.tag()).open();
        for (var e : d.dates().entrySet()) {
          x.start("date")
              .attribute("count", Integer.toString(e.getValue()))
              .attribute("date", e.getKey().toString())
              .empty();
        }
        x.end("dates");
      }
      case Suggest s -> {
        x.start("suggested").open();
        for (String tag : s.popular()) {
          x.element("popular", tag);
        }
        for (String tag : s.recommended()) {
          x.element("recommended", tag);
        }
        x.end("suggested");
      }
      case Tags t -> {
        x.start("tags").open();
        for (var e : t.counts().entrySet()) {
          x.start("tag")
              .attribute("count", Integer.toString(e.getValue()))
              .attribute("tag", e.getKey())
              .empty();
        }
        x.end("tags");
      }
      case Notes n -> {
        x.start("notes").open();
        for (Note note : n.notes()) {
          x.start("note").attribute("id", note.id()).open();
          writeNoteFields(x, note);
          x.end("note");
        }
        x.end("notes");
      }
      case OneNote n -> {
        x.start("note").attribute("id", n.note().id()).open();
        writeNoteFields(x, n.note());
        x.element("text", n.note().text());
        x.end("note");
      }
    }
    return x.toString();
  }

  private static void writePosts(Xml x, List<Post> posts, boolean meta) {
    for (Post p : posts) {
      x.start("post")
          .attribute("href", p.href())
          .attribute("time", time(p.time()))
          .attribute("description", p.description())
          .attribute("extended", p.extended())
          .attribute("tag", p.tags())
          .attribute("hash", p.hash());
      if (meta) {
        x.attribute("meta", p.meta());
      }
      x.attribute("shared", p.shared() ? "yes" : "no");
      if (p.toread()) {
        x.attribute("toread", "yes");
      }
      x.empty();
    }
  }

  private static void writeNoteFields(Xml x, Note note) {
    x.element("title", note.title());
    x.element("hash", note.hash());
    x.element("created_at", NOTE_TIME.format(note.created()));
    x.element("updated_at", NOTE_TIME.format(note.updated()));
    x.element("length", Integer.toString(note.length()));
  }

  /**
   * Pinboard's XML, written as Pinboard writes it: empty elements end in {@code " />"} (clients
   * such as newsboat's match that text), and every value goes through {@link XmlText#escape}, so
   * line breaks in an attribute survive and a control character stored long ago cannot break the
   * document. A StAX writer did neither.
   */
  private static final class Xml {
    private final StringBuilder out =
        new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");

    Xml start(String name) {
      out.append('<').append(name);
      return this;
    }

    Xml attribute(String name, String value) {
      out.append(' ').append(name).append("=\"").append(XmlText.escape(value)).append('"');
      return this;
    }

    void empty() {
      out.append(" />");
    }

    void open() {
      out.append('>');
    }

    void end(String name) {
      out.append("</").append(name).append('>');
    }

    void element(String name, String text) {
      out.append('<').append(name).append('>').append(XmlText.escape(text));
      end(name);
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }

  private static List<Map<String, Object>> posts(List<Post> posts) {
    List<Map<String, Object>> out = new ArrayList<>(posts.size());
    for (Post p : posts) {
      out.add(
          ordered(
              "href",
              p.href(),
              "description",
              p.description(),
              "extended",
              p.extended(),
              "meta",
              p.meta(),
              "hash",
              p.hash(),
              "time",
              time(p.time()),
              "shared",
              p.shared() ? "yes" : "no",
              "toread",
              p.toread() ? "yes" : "no",
              "tags",
              p.tags()));
    }
    return out;
  }

  private static Map<String, Object> noteSummary(Note n) {
    return ordered(
        "id",
        n.id(),
        "hash",
        n.hash(),
        "title",
        n.title(),
        "length",
        n.length(),
        "created_at",
        NOTE_TIME.format(n.created()),
        "updated_at",
        NOTE_TIME.format(n.updated()));
  }

  private static Map<String, Object> note(Note n) {
    return ordered(
        "id",
        n.id(),
        "title",
        n.title(),
        "created_at",
        NOTE_TIME.format(n.created()),
        "updated_at",
        NOTE_TIME.format(n.updated()),
        "length",
        n.length(),
        "text",
        n.text(),
        "hash",
        n.hash());
  }

  private static Map<String, Integer> stringKeys(Map<?, Integer> map) {
    Map<String, Integer> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k.toString(), v));
    return out;
  }

  /** A map that keeps Pinboard's key order. */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
