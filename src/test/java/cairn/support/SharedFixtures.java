package cairn.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real export files under {@code ../shared/fixtures}. On a developer's machine without them the
 * tests that read them are skipped; in CI ({@code CI=true}, which {@code .ci/run} sets) a missing
 * file fails the build, so a moved folder cannot silently skip the importers' real-file tests.
 */
public final class SharedFixtures {
  private SharedFixtures() {}

  /** Goes on only if {@code path} (a file or a folder) exists; see the class comment. */
  public static void require(Path path) {
    if (Files.exists(path)) {
      return;
    }
    String why = "shared fixture absent: " + path.toAbsolutePath().normalize();
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(why + " (CI=true: the shared fixtures must be beside the project)");
    }
    assumeTrue(false, why + ", skipping");
  }
}
