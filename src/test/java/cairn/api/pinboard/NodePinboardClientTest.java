package cairn.api.pinboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.ApiTest;
import cairn.support.NodePackages;
import cairn.support.TestStore;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real Pinboard client, the npm package {@code node-pinboard} (installed from the registry at
 * test time into {@code target/}), run by Node against Cairn on loopback, every method's answer
 * checked by the script {@code pinboard/node-pinboard-check.js}.
 */
@MicronautTest(transactional = false)
class NodePinboardClientTest extends ApiTest {
  private static final String PACKAGE = "node-pinboard@2.0.1";

  @Test
  void nodePinboardWorksAgainstCairnUnchanged() throws Exception {
    NodePackages npm = NodePackages.install("npm-pinboard", PACKAGE);
    String token = users.create(TestStore.uniqueName("node"), "node-password").token();
    String base = "http://127.0.0.1:" + server.getPort() + "/v1";
    NodePackages.Run run = npm.node("/pinboard/node-pinboard-check.js", List.of(base, token), 120);
    assertEquals(0, run.code(), run.output());
    for (String check :
        List.of(
            "add",
            "get by url",
            "get by tag",
            "recent",
            "dates",
            "all with paging",
            "suggest",
            "tags/get",
            "tags/rename",
            "tags/delete",
            "update",
            "delete",
            "user/api_token",
            "notes/list")) {
      assertTrue(
          run.output().contains("ok " + check + "\n"), "missing: " + check + "\n" + run.output());
    }
    assertTrue(run.output().contains("all passed"), run.output());
  }
}
