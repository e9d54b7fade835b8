package cairn.db;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates the directory of an SQLite database file before the pool first connects.
 *
 * <p>SQLite creates the file but not its directory, and the pool connects as soon as it is built,
 * so this runs when the pool's configuration is created, just before.
 */
@Singleton
final class DataDirectory implements BeanCreatedEventListener<DatasourceConfiguration> {
  private static final String SQLITE = "jdbc:sqlite:";

  @Override
  public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
    DatasourceConfiguration config = event.getBean();
    String url = config.getUrl();
    if (url != null && url.startsWith(SQLITE) && !url.contains(":memory:")) {
      String file = url.substring(SQLITE.length()).split("\\?", 2)[0];
      Path parent = Path.of(file).toAbsolutePath().getParent();
      try {
        Files.createDirectories(parent);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the data directory " + parent, e);
      }
    }
    return config;
  }
}
