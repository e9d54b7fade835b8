package cairn.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cairn.support.Sql;
import cairn.support.TestStore;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connection settings come from the datasource's configuration, the same on every connection. */
@MicronautTest(transactional = false, startApplication = false)
class ConnectionSettingsTest implements TestPropertyProvider {
  @Inject Sql sql;

  @Override
  public Map<String, String> getProperties() {
    return TestStore.properties();
  }

  @Test
  void everyConnectionLetsTheWriteAheadLogGrowBeforeItCheckpoints() {
    for (int i = 0; i < 8; i++) {
      assertEquals(
          16384,
          sql.read(db -> db.fetchOne("PRAGMA wal_autocheckpoint").get(0, Integer.class))
              .intValue());
      assertEquals(
          "wal",
          sql.read(db -> db.fetchOne("PRAGMA journal_mode").get(0, String.class)).toLowerCase());
    }
  }
}
