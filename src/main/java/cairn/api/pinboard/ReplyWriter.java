package cairn.api.pinboard;

import static cairn.input.TextLimits.withoutControls;

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
import cairn.note.Note;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders replies exactly as Pinboard does (PINBOARD_API.md §1.5–1.7): key order, {@code
 * yes}/{@code no} strings, {@code Z} times without fractions, tags as one space-separated string
 * (XML attribute {@code tag}), {@code meta} always in JSON and only on request in XML, {@code
 * toread} in XML only when yes, and PHP's {@code []} for an empty date map.
 */
final class ReplyWriter {
  private static final DateTimeFormatter NOTE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

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
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XML.createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      switch (reply) {
        case ResultCode r -> {
          x.writeEmptyElement("result");
          x.writeAttribute("code", r.code());
        }
        case Result r -> element(x, "result", r.value());
        case UpdateTime u -> {
          x.writeEmptyElement("update");
          x.writeAttribute("time", time(u.time()));
        }
        case Posts p -> {
          x.writeStartElement("posts");
          x.writeAttribute("dt", time(p.date()));
          x.writeAttribute("user", p.user());
          writePosts(x, p.posts(), p.meta());
          x.writeEndElement();
        }
        case AllPosts a -> {
          x.writeStartElement("posts");
          x.writeAttribute("user", a.user());
          writePosts(x, a.posts(), a.meta());
          x.writeEndElement();
        }
        case Dates d -> {
          x.writeStartElement("dates");
          x.writeAttribute("user", d.user());
          x.writeAttribute("tag", d.tag());
          for (var e : d.dates().entrySet()) {
            x.writeEmptyElement("date");
            x.writeAttribute("count", Integer.toString(e.getValue()));
            x.writeAttribute("date", e.getKey().toString());
          }
          x.writeEndElement();
        }
        case Suggest s -> {
          x.writeStartElement("suggested");
          for (String tag : s.popular()) {
            element(x, "popular", tag);
          }
          for (String tag : s.recommended()) {
            element(x, "recommended", tag);
          }
          x.writeEndElement();
        }
        case Tags t -> {
          x.writeStartElement("tags");
          for (var e : t.counts().entrySet()) {
            x.writeEmptyElement("tag");
            x.writeAttribute("count", Integer.toString(e.getValue()));
            x.writeAttribute("tag", e.getKey());
          }
          x.writeEndElement();
        }
        case Notes n -> {
          x.writeStartElement("notes");
          for (Note note : n.notes()) {
            x.writeStartElement("note");
            x.writeAttribute("id", note.id());
            writeNoteFields(x, note);
            x.writeEndElement();
          }
          x.writeEndElement();
        }
        case OneNote n -> {
          x.writeStartElement("note");
          x.writeAttribute("id", n.note().id());
          writeNoteFields(x, n.note());
          element(x, "text", n.note().text());
          x.writeEndElement();
        }
      }
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot render " + reply, e);
    }
    return out.toString();
  }

  private static void writePosts(XMLStreamWriter x, List<Post> posts, boolean meta)
      throws XMLStreamException {
    for (Post p : posts) {
      x.writeEmptyElement("post");
      // stored before text was cleaned on the way in, a control character would break the document
      x.writeAttribute("href", withoutControls(p.href()));
      x.writeAttribute("time", time(p.time()));
      x.writeAttribute("description", withoutControls(p.description()));
      x.writeAttribute("extended", withoutControls(p.extended()));
      x.writeAttribute("tag", withoutControls(p.tags()));
      x.writeAttribute("hash", p.hash());
      if (meta) {
        x.writeAttribute("meta", p.meta());
      }
      x.writeAttribute("shared", p.shared() ? "yes" : "no");
      if (p.toread()) {
        x.writeAttribute("toread", "yes");
      }
    }
  }

  private static void writeNoteFields(XMLStreamWriter x, Note note) throws XMLStreamException {
    element(x, "title", note.title());
    element(x, "hash", note.hash());
    element(x, "created_at", NOTE_TIME.format(note.created()));
    element(x, "updated_at", NOTE_TIME.format(note.updated()));
    element(x, "length", Integer.toString(note.length()));
  }

  private static void element(XMLStreamWriter x, String name, String text)
      throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(withoutControls(text));
    x.writeEndElement();
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
