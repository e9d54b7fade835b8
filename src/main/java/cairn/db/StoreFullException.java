package cairn.db;

import java.io.IOException;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The disk under the store is full: the write was rolled back, and may be tried again once space
 * has been freed.
 */
public class StoreFullException extends RuntimeException {
  public StoreFullException(Throwable cause) {
    super(
        "The server's disk is full, so nothing was saved. Try again once space has been freed.",
        cause);
  }

  /**
   * Whether {@code e} or one of its causes says the disk is full. The driver's error arrives
   * wrapped by jOOQ or by the transaction manager, depending on whether a statement or the commit
   * failed.
   */
  public static boolean causedBy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (Throwable suppressed : t.getSuppressed()) {
        if (causedBy(suppressed)) {
          return true;
        }
      }
      if (t instanceof SQLiteException sqlite
          && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_FULL) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getErrorCode() == SQLiteErrorCode.SQLITE_FULL.code) {
        return true;
      }
      if (t instanceof IOException && String.valueOf(t.getMessage()).contains("No space left")) {
        return true;
      }
    }
    return false;
  }
}
