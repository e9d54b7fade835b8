package cairn.support;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;

/** Counts the SQL statements jOOQ runs on the current thread, for tests that bound them. */
// named after the data source, which is how micronaut-jooq finds listener providers
@Singleton
@Named("default")
public class StatementCounter implements ExecuteListenerProvider {
  private final ThreadLocal<AtomicInteger> count = ThreadLocal.withInitial(AtomicInteger::new);

  @Override
  public ExecuteListener provide() {
    return new ExecuteListener() {
      @Override
      public void executeStart(ExecuteContext ctx) {
        count.get().incrementAndGet();
      }
    };
  }

  /** Runs {@code work} and returns how many statements it ran on this thread. */
  public int count(Runnable work) {
    int before = count.get().get();
    work.run();
    return count.get().get() - before;
  }
}
