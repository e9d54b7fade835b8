package cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cairn.web.NoteBlocks.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteBlocksTest {
  @Test
  void blankLinesSeparateParagraphsWhichKeepTheirLineBreaks() {
    assertEquals(
        List.of(new Block("one\ntwo", false), new Block("three", false)),
        NoteBlocks.of("one\r\ntwo\n\n\nthree\n"));
  }

  @Test
  void indentedAndFencedBlocksArePreformatted() {
    assertEquals(
        List.of(
            new Block("intro", false),
            new Block("x = 1\n  y = 2", true),
            new Block("fenced\n\n  kept", true)),
        NoteBlocks.of("intro\n\n    x = 1\n      y = 2\n\n```\nfenced\n\n  kept\n```"));
  }

  @Test
  void emptyNotesHaveNoBlocks() {
    assertEquals(List.of(), NoteBlocks.of("  \n "));
  }
}
