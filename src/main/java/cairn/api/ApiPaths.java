package cairn.api;

import java.net.URI;

/** Where each resource of the JSON API lives: the addresses its Location headers and links give. */
final class ApiPaths {
  static final String ROOT = "/api/v1";

  private ApiPaths() {}

  static URI bookmark(long id) {
    return URI.create(ROOT + "/bookmarks/" + id);
  }

  static URI url(String hash) {
    return URI.create(ROOT + "/urls/" + hash);
  }

  static URI importJob(String id) {
    return URI.create(ROOT + "/imports/" + id);
  }

  static URI follow(String name) {
    return URI.create(ROOT + "/follows/" + name);
  }
}
