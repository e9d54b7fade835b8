package cairn.feed;

import cairn.bookmark.Bookmark;
import cairn.input.TextLimits;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a {@link Feed} as RSS 2.0 or Atom 1.0 through Rome, which builds the XML and escapes every
 * value. Notes and quotes become the item's description as HTML that Cairn makes from escaped text
 * (paragraphs and block quotes, nothing from the stored text): a reader that renders the
 * description shows {@code <b>} typed in a note as those three characters, never as markup.
 */
@Singleton
public final class FeedWriter {
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R\\s*\\R");
  private static final Pattern LINE_BREAK = Pattern.compile("\\R");

  private final Clock clock;

  FeedWriter(Clock clock) {
    this.clock = clock;
  }

  /** A feed as XML, and the version readers compare to ask whether it changed. */
  public record Written(String xml, FeedVersion version) {}

  /** The feed as an XML document, with its version as of now. */
  public Written write(Feed feed, FeedFormat format) {
    String xml = xml(feed, format);
    return new Written(xml, FeedVersion.of(xml, feed.updated(), clock.instant()));
  }

  /** The feed as an XML document in UTF-8. */
  static String xml(Feed feed, FeedFormat format) {
    SyndFeed out = new SyndFeedImpl();
    out.setFeedType(format.romeType());
    out.setEncoding("UTF-8");
    out.setTitle(xml(feed.title()));
    out.setDescription(xml(feed.description()));
    out.setLink(feed.link());
    out.setUri(feed.self());
    out.setLinks(List.of(link("alternate", feed.link(), "text/html"), selfLink(feed, format)));
    out.setPublishedDate(Date.from(feed.updated()));
    out.setEntries(feed.items().stream().map(FeedWriter::entry).toList());
    try {
      return new SyndFeedOutput().outputString(out);
    } catch (FeedException e) {
      // Rome refuses only a feed it cannot represent, which a Feed never is
      throw new IllegalStateException("Rome refused the feed " + feed.self(), e);
    }
  }

  private static SyndEntry entry(Bookmark b) {
    SyndEntry entry = new SyndEntryImpl();
    entry.setTitle(xml(b.title().isBlank() ? b.url() : b.title()));
    entry.setLink(b.url());
    // a bookmark's URL may be saved by many people: the item's identity is the bookmark
    entry.setUri("urn:cairn:bookmark:" + b.id());
    entry.setAuthor(b.owner());
    entry.setPublishedDate(Date.from(b.created()));
    entry.setUpdatedDate(Date.from(b.updated()));
    entry.setCategories(b.tags().stream().map(FeedWriter::category).toList());
    if (!b.notes().isBlank() || !b.quotes().isEmpty()) {
      SyndContent description = new SyndContentImpl();
      description.setType("html");
      description.setValue(description(b));
      entry.setDescription(description);
    }
    return entry;
  }

  /** Notes as paragraphs (line breaks kept), then each quote as a block quote; all escaped. */
  static String description(Bookmark b) {
    StringOutput html = new StringOutput();
    for (String paragraph : PARAGRAPH_BREAK.split(b.notes().strip())) {
      if (!paragraph.isBlank()) {
        block(html, "p", paragraph.strip());
      }
    }
    for (Bookmark.Quote quote : b.quotes()) {
      block(html, "blockquote", quote.text().strip());
    }
    return html.toString();
  }

  private static void block(StringOutput html, String element, String text) {
    html.writeContent("<" + element + ">");
    String[] lines = LINE_BREAK.split(xml(text));
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        html.writeContent("<br>");
      }
      Escape.htmlContent(lines[i], html);
    }
    html.writeContent("</" + element + ">");
  }

  private static SyndCategory category(String tag) {
    SyndCategory category = new SyndCategoryImpl();
    category.setName(tag);
    return category;
  }

  private static SyndLink selfLink(Feed feed, FeedFormat format) {
    return link("self", feed.self(), format.mediaType());
  }

  private static SyndLink link(String rel, String href, String type) {
    SyndLink link = new SyndLinkImpl();
    link.setRel(rel);
    link.setHref(href);
    link.setType(type);
    return link;
  }

  /**
   * Text without the characters XML cannot carry. The store already drops them from titles and
   * notes and refuses them in tags and URLs; this keeps a row written before that rule from making
   * the whole feed unparseable.
   */
  private static String xml(String text) {
    return TextLimits.withoutControls(text);
  }
}
