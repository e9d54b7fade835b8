package cairn.search;

import cairn.bookmark.Bookmark;
import cairn.bookmark.UrlKey;
import cairn.tag.TagName;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/**
 * The index's one document per bookmark (DESIGN.md §4): field names, and how a bookmark becomes a
 * document.
 *
 * <p>Public tags and private ({@code .tag}) tags live in separate fields, so that counting and
 * filtering for anyone but the owner cannot touch private ones. Tag terms are keys (for matching);
 * tag doc values are display names (for counting and showing). Different people may spell one key
 * differently ("Java", "java"), so counting counts names and {@link TagVocabulary} merges the
 * spellings of a key under its most used one.
 */
final class IndexFields {
  /**
   * Bump when the document layout changes: an index of another version is rebuilt from the store.
   */
  static final String SCHEMA_VERSION = "4";

  static final String ID = "id";
  static final String OWNER = "owner";
  static final String URL_KEY = "url_key";

  /** {@code UrlKey#hash}: a term to find a URL page's saves, doc values to group them by URL. */
  static final String URL_HASH = "url_hash";

  /**
   * The hash again, only on shared bookmarks: its postings are exactly the saves that count for a
   * URL's "saved by" and popular, so counting them needs no second filter.
   */
  static final String SHARED_URL_HASH = "shared_url_hash";

  static final String SHARED = "shared";
  static final String TOREAD = "toread";
  static final String TAG = "tag";
  static final String TAG_NAME = "tag_name";
  static final String PRIVATE_TAG = "ptag";
  static final String PRIVATE_TAG_NAME = "ptag_name";
  static final String CREATED = "created";
  static final String TITLE = "title";
  static final String NOTES = "notes";
  static final String QUOTES = "quotes";
  static final String URL = "url";
  static final String SITE = "site";

  /** The host and each of its parent domains down to two labels, for {@code site:}. */
  static final String HOST = "host";

  static final String TAGS_TEXT = "tags_text";
  static final String[] TEXT_FIELDS = {TITLE, NOTES, QUOTES, URL, SITE, TAGS_TEXT};

  static final String YES = "y";
  static final String NO = "n";

  /** Newest first, then highest id: the order of every listing, and of the index itself. */
  static final Sort NEWEST_FIRST =
      new Sort(
          new SortField(CREATED, SortField.Type.LONG, true),
          new SortField(ID, SortField.Type.LONG, true));

  private IndexFields() {}

  static Term idTerm(long id) {
    return new Term(ID, Long.toString(id));
  }

  static Document toDocument(Bookmark b) {
    UrlKey key = UrlKey.of(b.url());
    return toDocument(b, key, key.hash());
  }

  /** The document of {@code b}, whose URL has this key and {@link UrlKey#hash()}. */
  static Document toDocument(Bookmark b, UrlKey urlKey, String hash) {
    Document doc = new Document();
    doc.add(new StringField(ID, Long.toString(b.id()), Field.Store.YES));
    doc.add(new NumericDocValuesField(ID, b.id()));
    doc.add(new StringField(OWNER, Long.toString(b.ownerId()), Field.Store.NO));
    // stored: a URL page names its URL by hash, and finds the key to list by in a save of it
    doc.add(new StringField(URL_KEY, urlKey.value(), Field.Store.YES));
    doc.add(new StringField(URL_HASH, hash, Field.Store.NO));
    doc.add(new SortedDocValuesField(URL_HASH, new BytesRef(hash)));
    if (b.shared()) {
      doc.add(new StringField(SHARED_URL_HASH, hash, Field.Store.NO));
    }
    doc.add(new StringField(SHARED, b.shared() ? YES : NO, Field.Store.NO));
    doc.add(new StringField(TOREAD, b.toread() ? YES : NO, Field.Store.NO));
    long created = b.created().toEpochMilli();
    doc.add(new LongPoint(CREATED, created));
    doc.add(new NumericDocValuesField(CREATED, created));
    StringBuilder tagText = new StringBuilder();
    for (String name : b.tags()) {
      TagName tag = new TagName(name, TagName.keyOf(name));
      boolean hidden = tag.isPrivate();
      doc.add(new StringField(hidden ? PRIVATE_TAG : TAG, tag.key(), Field.Store.NO));
      doc.add(
          new SortedSetDocValuesField(hidden ? PRIVATE_TAG_NAME : TAG_NAME, new BytesRef(name)));
      if (!hidden) {
        tagText.append(name).append(' ');
      }
    }
    doc.add(new TextField(TITLE, b.title(), Field.Store.NO));
    doc.add(new TextField(NOTES, b.notes(), Field.Store.NO));
    for (Bookmark.Quote quote : b.quotes()) {
      doc.add(new TextField(QUOTES, quote.text(), Field.Store.NO));
    }
    doc.add(new TextField(URL, b.url(), Field.Store.NO));
    doc.add(new TextField(SITE, urlKey.host(), Field.Store.NO));
    for (String domain : domains(urlKey.host())) {
      doc.add(new StringField(HOST, domain, Field.Store.NO));
    }
    doc.add(new TextField(TAGS_TEXT, tagText.toString(), Field.Store.NO));
    doc.add(new StoredField(CREATED, created));
    return doc;
  }

  /**
   * {@code blog.example.com}, then {@code example.com}: what {@code site:} can name to find a host
   * and its subdomains. An IP address or a one-label host is only itself.
   */
  static java.util.List<String> domains(String host) {
    if (host.startsWith("[") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
      return java.util.List.of(host);
    }
    java.util.List<String> out = new java.util.ArrayList<>();
    String rest = host;
    out.add(rest);
    for (int dot = rest.indexOf('.'); dot >= 0 && rest.indexOf('.', dot + 1) >= 0; ) {
      rest = rest.substring(dot + 1);
      out.add(rest);
      dot = rest.indexOf('.');
    }
    return out;
  }
}
