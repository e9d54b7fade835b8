package cairn.api.pinboard;

import cairn.note.Note;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Every shape a Pinboard v1 method answers with; {@link ReplyWriter} renders each as JSON or XML.
 */
sealed interface Reply {
  /** posts/add, posts/delete: {@code {"result_code":…}} / {@code <result code="…"/>}. */
  record ResultCode(String code) implements Reply {}

  /** tags/*, user/*: {@code {"result":…}} / {@code <result>…</result>}. */
  record Result(String value) implements Reply {}

  /** posts/update. */
  record UpdateTime(Instant time) implements Reply {}

  /** posts/get, posts/recent: {@code {date, user, posts}}. */
  record Posts(Instant date, String user, List<Post> posts, boolean meta) implements Reply {}

  /** posts/all: a bare array. */
  record AllPosts(String user, List<Post> posts, boolean meta) implements Reply {}

  /** posts/dates. */
  record Dates(String user, String tag, SortedMap<LocalDate, Integer> dates) implements Reply {}

  /** posts/suggest. */
  record Suggest(List<String> popular, List<String> recommended) implements Reply {}

  /** tags/get: tag → count. */
  record Tags(Map<String, Integer> counts) implements Reply {}

  /** notes/list. */
  record Notes(List<Note> notes) implements Reply {}

  /** notes/ID. */
  record OneNote(Note note) implements Reply {}

  /** One bookmark as Pinboard shows it. */
  record Post(
      String href,
      String description,
      String extended,
      String meta,
      String hash,
      Instant time,
      boolean shared,
      boolean toread,
      String tags) {}
}
