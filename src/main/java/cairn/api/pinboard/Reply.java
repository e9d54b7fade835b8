package cairn.api.pinboard;

import cairn.bookmark.Bookmark;
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
  record Posts(Instant date, String user, List<Bookmark> posts, boolean meta) implements Reply {}

  /** posts/all: a bare array, streamed from its source as it is sent. */
  record AllPosts(String user, AllPostsWalk posts, boolean meta) implements Reply {}

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
}
