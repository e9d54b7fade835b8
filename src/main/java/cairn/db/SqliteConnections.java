package cairn.db;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.DB;

/**
 * Makes {@link Connection#setReadOnly} a no-op on the pool's connections, and leaves a connection
 * whose commit failed in the state the transaction manager expects.
 *
 * <p>sqlite-jdbc refuses to change the read-only flag after connecting, and Micronaut calls it for
 * every read-only transaction and repository read. Ordered first, so the pool itself is wrapped
 * before Micronaut wraps it in its contextual (transaction-aware) data source.
 */
@Singleton
final class SqliteConnections implements BeanCreatedEventListener<DataSource>, Ordered {

  @Override
  public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
    return new ReadOnlyIgnoringDataSource(event.getBean());
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  private record ReadOnlyIgnoringDataSource(DataSource pool) implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      return ignoreReadOnly(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return ignoreReadOnly(pool.getConnection(username, password));
    }

    private static Connection ignoreReadOnly(Connection connection) {
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                if (method.getName().equals("setReadOnly")) {
                  return null;
                }
                try {
                  return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                  if (method.getName().equals("commit")) {
                    abandon(connection, e.getCause());
                  }
                  throw e.getCause();
                }
              });
    }

    /**
     * After a failed commit, leaves the connection as the driver expects it outside autocommit: the
     * failed transaction rolled back and a new one begun. SQLite rolls back by itself when a commit
     * finds the disk full; the driver does not notice, so the transaction manager's rollback and
     * its reset of autocommit would fail, and their errors would replace the commit's own — the one
     * that says the disk is full.
     */
    private static void abandon(Connection connection, Throwable commitFailure) {
      try {
        DB db = connection.unwrap(SQLiteConnection.class).getDatabase();
        try {
          db.exec("rollback;", false);
        } catch (SQLException alreadyRolledBack) {
          // what SQLite did by itself
        }
        // as the driver begins each transaction under transaction_mode=IMMEDIATE
        db.exec("begin immediate;", false);
      } catch (SQLException e) {
        commitFailure.addSuppressed(e);
      }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return type.isInstance(pool) ? type.cast(pool) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return type.isInstance(pool) || pool.isWrapperFor(type);
    }
  }
}
