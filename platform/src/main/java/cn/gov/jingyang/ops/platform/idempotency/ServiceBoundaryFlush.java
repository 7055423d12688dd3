package cn.gov.jingyang.ops.platform.idempotency;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Inside an idempotent request a service's {@code @Transactional} method joins the request's
 * transaction instead of committing its own. This flushes the persistence context when such a
 * method returns, as its commit would have: versions are incremented and constraint violations
 * raised where the service expects them, so the response built from its result (an ETag) is the
 * same as without the key. Outside idempotent requests it does nothing.
 */
@Transactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 210)
public class ServiceBoundaryFlush {

  private final TransactionSynchronizationRegistry registry;
  private final Instance<EntityManager> entityManager;

  public ServiceBoundaryFlush(
      TransactionSynchronizationRegistry registry, Instance<EntityManager> entityManager) {
    this.registry = registry;
    this.entityManager = entityManager;
  }

  @AroundInvoke
  Object flushAfter(InvocationContext ctx) throws Exception {
    Object result = ctx.proceed();
    if (registry.getTransactionStatus() == Status.STATUS_ACTIVE
        && registry.getResource(IdempotentRequests.TRANSACTION_MARKER) != null
        && entityManager.isResolvable()) {
      entityManager.get().flush();
    }
    return result;
  }
}
