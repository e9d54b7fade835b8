package cairn.cli;

import cairn.search.SearchIndex;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code cairn reindex}: rebuilds the Lucene index from the store. The index belongs to one process
 * at a time, so this refuses while a server runs on the same data directory.
 */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = "Rebuild the search index from the store (stop the server first).")
public final class ReindexCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    long start = System.nanoTime();
    try (ApplicationContext context =
        ApplicationContext.builder()
            .properties(Map.of(SearchIndex.REINDEX_PROPERTY, true))
            .start()) {
      context.getBean(SearchIndex.class);
    } catch (BeanInstantiationException e) {
      if (SearchIndex.heldByAnotherProcess(e)) {
        System.err.println(
            "the index is in use by a running Cairn server: stop it, then run reindex");
        return 1;
      }
      throw e;
    }
    System.err.printf("Reindexed in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    return 0;
  }
}
