package cairn.web;

/**
 * The two bookmarklets. All logic stays on the server: they only hand over the page's URL, title
 * and selected text. Pages whose data would not fit in a URL are posted instead (see {@link
 * BookmarkletHandOver}).
 */
final class Bookmarklets {
  /** Above this many characters of query, the bookmarklet posts instead of opening a URL. */
  static final int MAX_QUERY = 6000;

  private Bookmarklets() {}

  /** The "save to cairn" bookmarklet for the Cairn at {@code base} ({@link PublicSite#base}). */
  static String save(String base) {
    return ("javascript:(function(){var d=document,w=window,e=encodeURIComponent,b='BASE',"
            + "s=String(w.getSelection?w.getSelection():''),u=location.href,t=d.title,"
            + "o='toolbar=no,width=720,height=760,scrollbars=yes',"
            + "q='url='+e(u)+'&title='+e(t)+'&quote='+e(s);"
            + "if(q.length<MAX){w.open(b+'/add?popup=1&'+q,'cairn',o);return;}"
            + "var n='cairn'+Date.now(),f=d.createElement('form');f.method='post';"
            + "f.action=b+'/add/popup';f.target=n;f.acceptCharset='utf-8';f.style.display='none';"
            + "[['url',u],['title',t],['quote',s]].forEach(function(p){"
            + "var i=d.createElement('textarea');i.name=p[0];i.value=p[1];f.appendChild(i);});"
            + "d.body.appendChild(f);w.open('',n,o);f.submit();d.body.removeChild(f);})();")
        .replace("MAX", Integer.toString(MAX_QUERY))
        .replace("BASE", jsString(base)); // last: nothing in the base is read as a placeholder
  }

  static String readLater(String base, String key) {
    return ("javascript:(function(){var e=encodeURIComponent;"
            + "window.open('BASE/readlater?k=KEY&url='+e(location.href)+'&title='+e(document.title),"
            + "'cairnlater','toolbar=no,width=420,height=220');})();")
        .replace("KEY", key)
        .replace("BASE", jsString(base));
  }

  /**
   * The base URL, safe inside a single-quoted JavaScript string of a {@code javascript:} URL. The
   * base is {@link PublicSite}'s validated origin, so none of this should ever apply; it is here
   * because the browser percent-decodes the URL before it runs it, so a {@code %27} would close the
   * string as surely as a {@code '}.
   */
  static String jsString(String base) {
    return base.replace("%", "%25")
        .replace("\\", "\\\\")
        .replace("'", "\\'")
        .replaceAll("[\\r\\n<>]", "");
  }
}
