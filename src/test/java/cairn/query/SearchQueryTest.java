package cairn.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cairn.query.SearchQuery.All;
import cairn.query.SearchQuery.Any;
import cairn.query.SearchQuery.Created;
import cairn.query.SearchQuery.Flag;
import cairn.query.SearchQuery.Is;
import cairn.query.SearchQuery.Not;
import cairn.query.SearchQuery.Tag;
import cairn.query.SearchQuery.Text;
import cairn.query.SearchQuery.TextField;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The search language's parser: input → tree, or the mistake and where it is. */
class SearchQueryTest {
  private static Text word(String w) {
    return new Text(null, w, false);
  }

  private static Text phrase(String p) {
    return new Text(null, p, true);
  }

  private static All all(SearchQuery... parts) {
    return new All(List.of(parts));
  }

  private static Any any(SearchQuery... parts) {
    return new Any(List.of(parts));
  }

  @Test
  void wordsPhrasesAndExclusion() {
    assertEquals(SearchQuery.EVERYTHING, SearchQuery.parse("   "));
    assertEquals(word("kafka"), SearchQuery.parse("kafka"));
    assertEquals(all(word("kafka"), new Not(word("jepsen"))), SearchQuery.parse("kafka -jepsen"));
    assertEquals(
        all(phrase("log compaction"), new Not(phrase("zoo keeper"))),
        SearchQuery.parse("\"log compaction\" -\"zoo keeper\""));
    assertEquals(word("well-known"), SearchQuery.parse("well-known"));
    assertEquals(all(word("a"), word("-"), word("b")), SearchQuery.parse("a - b"));
    assertEquals(all(word("a"), word("b")), SearchQuery.parse("a AND b"));
    assertEquals(all(word("or"), word("and")), SearchQuery.parse("or and"));
  }

  @Test
  void orAndParenthesesGroup() {
    assertEquals(any(word("kafka"), word("raft")), SearchQuery.parse("kafka OR raft"));
    assertEquals(any(all(word("a"), word("b")), word("c")), SearchQuery.parse("a b OR c"));
    assertEquals(all(word("a"), any(word("b"), word("c"))), SearchQuery.parse("a (b OR c)"));
    assertEquals(
        all(word("paxos"), new Not(any(word("raft"), phrase("zab")))),
        SearchQuery.parse("paxos -(raft OR \"zab\")"));
  }

  @Test
  void fieldsTagsFlagsAndDates() {
    assertEquals(new Text(TextField.TITLE, "kafka", false), SearchQuery.parse("title:kafka"));
    assertEquals(
        new Text(TextField.QUOTE, "exactly once", true),
        SearchQuery.parse("quote:\"exactly once\""));
    assertEquals(new Text(TextField.NOTES, "x", false), SearchQuery.parse("Note:x"));
    assertEquals(new Text(TextField.SITE, "lwn.net", false), SearchQuery.parse("site:lwn.net"));
    assertEquals(new Text(TextField.URL, "pdf", false), SearchQuery.parse("url:pdf"));
    assertEquals(new Tag("distcomp"), SearchQuery.parse("tag:DistComp"));
    assertEquals(new Tag("papers"), SearchQuery.parse("#papers"));
    assertEquals(new Not(new Tag("papers")), SearchQuery.parse("-#papers"));
    assertEquals(new Not(new Tag("papers")), SearchQuery.parse("-tag:papers"));
    assertEquals(new Is(Flag.UNREAD), SearchQuery.parse("is:unread"));
    assertEquals(new Is(Flag.UNTAGGED), SearchQuery.parse("is:Untagged"));
    assertEquals(
        all(
            new Created(true, Instant.parse("2017-07-01T00:00:00Z")),
            new Created(false, Instant.parse("2018-01-01T00:00:00Z"))),
        SearchQuery.parse("after:2017-07 before:2018"));
    assertEquals(
        new Created(true, Instant.parse("2017-07-04T00:00:00Z")),
        SearchQuery.parse("after:2017-07-04"));
  }

  @Test
  void aColonIsAFieldOnlyWhenItNamesOne() {
    assertEquals(word("https://lwn.net/Articles"), SearchQuery.parse("https://lwn.net/Articles"));
    assertEquals(word("10:30"), SearchQuery.parse("10:30"));
    assertEquals(word("re:invent"), SearchQuery.parse("re:invent"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "kafka (raft OR paxos       | unbalanced parenthesis at 6",
        "kafka raft) paxos          | unbalanced parenthesis at 10",
        "a () b                     | empty parentheses at 2",
        "'\"log compaction'          | unclosed quote at 0",
        "OR raft                    | OR needs something before it at 0",
        "raft OR                    | OR needs something after it at 5",
        "raft OR OR paxos           | OR needs something after it at 5",
        "titel:kafka                | unknown field \"titel:\" — did you mean title:? at 0",
        "x sit:lwn.net              | unknown field \"sit:\" — did you mean site:? at 2",
        "title: kafka               | title: needs a value at 0",
        "is:starred                 | is: takes unread, read, private, public or untagged, not 'starred' at 3",
        "after:July                 | after: takes a date like 2017, 2017-07 or 2017-07-01, not 'July' at 6",
        "before:2017-13             | before: takes a date like 2017, 2017-07 or 2017-07-01, not '2017-13' at 7",
        "a \"\" b                   | empty phrase at 2",
        "tag:\"\"                   | a tag needs a name at 4",
      })
  void mistakesSayWhatAndWhere(String input, String message) {
    var e = assertThrows(SearchSyntaxException.class, () -> SearchQuery.parse(input));
    assertEquals("q", e.field());
    assertEquals(message, e.rule());
    assertEquals(Integer.parseInt(message.substring(message.lastIndexOf(' ') + 1)), e.position());
  }
}
