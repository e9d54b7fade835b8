package cairn.api.pinboard;

import java.util.Optional;

/**
 * The Pinboard v1 methods Cairn answers, each knowing whether it writes: a write answers a refused
 * input in a 200 body ({@code result_code}), as Pinboard does, and a read says 400 (see {@link
 * PinboardErrors}).
 */
enum PinboardMethod {
  POSTS_UPDATE("posts/update", false),
  POSTS_ADD("posts/add", true),
  POSTS_DELETE("posts/delete", true),
  POSTS_GET("posts/get", false),
  POSTS_RECENT("posts/recent", false),
  POSTS_DATES("posts/dates", false),
  POSTS_ALL("posts/all", false),
  POSTS_SUGGEST("posts/suggest", false),
  TAGS_GET("tags/get", false),
  TAGS_DELETE("tags/delete", true),
  TAGS_RENAME("tags/rename", true),
  USER_SECRET("user/secret", false),
  USER_API_TOKEN("user/api_token", false),
  NOTES_LIST("notes/list", false),
  /** {@code notes/ID}: one note. */
  NOTE("notes/", false);

  private final String path;
  private final boolean writes;

  PinboardMethod(String path, boolean writes) {
    this.path = path;
    this.writes = writes;
  }

  /** The method a request path names (without {@code /v1/} or a trailing slash), if any. */
  static Optional<PinboardMethod> named(String method) {
    for (PinboardMethod m : values()) {
      if (m != NOTE && m.path.equals(method)) {
        return Optional.of(m);
      }
    }
    return method.startsWith(NOTE.path) ? Optional.of(NOTE) : Optional.empty();
  }

  boolean writes() {
    return writes;
  }
}
