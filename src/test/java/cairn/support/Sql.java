package cairn.support;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;

/** Direct SQL on the application's own store, for tests that inspect or sabotage it. */
@Singleton
public class Sql {
  private final DSLContext db;

  Sql(DSLContext db) {
    this.db = db;
  }

  @Connectable
  public <T> T read(Function<DSLContext, T> query) {
    return query.apply(db);
  }

  @Connectable
  public void run(Consumer<DSLContext> statement) {
    statement.accept(db);
  }

  public int count(org.jooq.Table<?> table, org.jooq.Condition condition) {
    return read(db -> db.fetchCount(table, condition));
  }
}
