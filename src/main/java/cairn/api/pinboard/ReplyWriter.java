package cairn.api.pinboard;

import cairn.api.pinboard.Reply.AllPosts;
import cairn.api.pinboard.Reply.Dates;
import cairn.api.pinboard.Reply.Notes;
import cairn.api.pinboard.Reply.OneNote;
import cairn.api.pinboard.Reply.Posts;
import cairn.api.pinboard.Reply.Result;
import cairn.api.pinboard.Reply.ResultCode;
import cairn.api.pinboard.Reply.Suggest;
import cairn.api.pinboard.Reply.Tags;
import cairn.api.pinboard.Reply.UpdateTime;
import cairn.bookmark.Bookmark;
import cairn.exchange.ExportStream;
import cairn.exchange.PinboardJsonWriter;
import cairn.note.Note;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders replies exactly as Pinboard does (PINBOARD_API.md §1.5–1.7): key order, {@code
 * yes}/{@code no} strings, {@code Z} times without fractions, tags as one space-separated string
 * (XML attribute {@code tag}), {@code meta} always in JSON and only on request in XML, {@code
 * toread} in XML only when yes, and PHP's {@code []} for an empty date map. Posts are written by
 * {@link PinboardJsonWriter#writePost} and {@link PinboardXml#post}, the same as {@code posts/all}
 * streams them.
 */
final class ReplyWriter {
  private static final DateTimeFormatter NOTE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final ObjectMapper json;

  ReplyWriter(ObjectMapper json) {
    this.json = json;
  }

  static String time(Instant instant) {
    return PinboardJsonWriter.time(instant);
  }

  /** {@code posts/all}, written as it is read: the whole account is never held in memory. */
  static InputStream stream(AllPosts all, boolean json) {
    return new ExportStream(
        all.posts(),
        all.user(),
        json ? PinboardJsonWriter::reply : out -> PinboardXml.allPosts(out, all.meta()));
  }

  String json(Reply reply) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = json.createGenerator(out)) {
      if (reply instanceof Posts p) {
        g.writeStartObject();
        g.writeStringField("date", time(p.date()));
        g.writeStringField("user", p.user());
        g.writeArrayFieldStart("posts");
        for (Bookmark b : p.posts()) {
          PinboardJsonWriter.writePost(g, b, false);
        }
        g.writeEndArray();
        g.writeEndObject();
      } else {
        g.writeObject(body(reply));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render " + reply, e);
    }
    return out.toString();
  }

  private static Object body(Reply reply) {
    return switch (reply) {
      case ResultCode r -> Map.of("result_code", r.code());
      case Result r -> Map.of("result", r.value());
      case UpdateTime u -> Map.of("update_time", time(u.time()));
      case Posts p -> throw new IllegalArgumentException("written by json()");
      case AllPosts a -> throw new IllegalArgumentException("streamed: see stream()");
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
  }

  String xml(Reply reply) {
    PinboardXml x = PinboardXml.document();
    switch (reply) {
      case ResultCode r -> x.start("result").attribute("code", r.code()).empty();
      case Result r -> x.element("result", r.value());
      case UpdateTime u -> x.start("update").attribute("time", time(u.time())).empty();
      case Posts p -> {
        x.start("posts").attribute("dt", time(p.date())).attribute("user", p.user()).open();
        for (Bookmark b : p.posts()) {
          x.post(b, p.meta());
        }
        x.end("posts");
      }
      case AllPosts a -> throw new IllegalArgumentException("streamed: see stream()");
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

  private static void writeNoteFields(PinboardXml x, Note note) {
    x.element("title", note.title());
    x.element("hash", note.hash());
    x.element("created_at", NOTE_TIME.format(note.created()));
    x.element("updated_at", NOTE_TIME.format(note.updated()));
    x.element("length", Integer.toString(note.length()));
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
