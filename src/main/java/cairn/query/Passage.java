package cairn.query;

/**
 * Why a bookmark matched a search: the best passage of a quote, else of the notes, else the title,
 * as HTML — the text escaped, the matched words in {@code <mark>}.
 *
 * @param field {@code quote}, {@code notes} or {@code title}
 */
public record Passage(String field, String html) {}
