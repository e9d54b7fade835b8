package cairn.db;

import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.transaction.annotation.Transactional;

/**
 * Turns a write that failed for want of disk space into a {@link StoreFullException}, whichever
 * layer wrapped the driver's error. Runs around the transaction, so that a failed commit is seen
 * too, and after the rollback.
 */
@InterceptorBean(Transactional.class)
final class StoreFullInterceptor implements MethodInterceptor<Object, Object> {

  @Override
  public int getOrder() {
    return InterceptPhase.TRANSACTION.getPosition() - 1;
  }

  @Override
  public Object intercept(MethodInvocationContext<Object, Object> context) {
    try {
      return context.proceed();
    } catch (StoreFullException e) {
      throw e;
    } catch (RuntimeException e) {
      if (StoreFullException.causedBy(e)) {
        throw new StoreFullException(e);
      }
      throw e;
    }
  }
}
