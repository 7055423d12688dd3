package cn.gov.jingyang.ops.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.gateway.login.PersonLogin;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two gateway replicas starting at once against one database seed the same configured clients and
 * accounts: every replica must start (none fails on the key the other just inserted) and each
 * client or account is created once.
 */
@QuarkusTest
class ConcurrentSeedingTest {

  private static final int REPLICAS = 4;

  @Inject ClientRegistry clients;
  @Inject PersonLogin accounts;
  @Inject DataSource dataSource;

  @Test
  void replicasSeedingTheSameClientsAndAccountsAtOnceAllStartAndCreateEachOnce() throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      names.add("seed-" + UUID.randomUUID().toString().substring(0, 8));
    }
    CyclicBarrier start = new CyclicBarrier(REPLICAS);
    ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
    try {
      List<Future<Integer>> created = new ArrayList<>();
      for (int r = 0; r < REPLICAS; r++) {
        created.add(
            replicas.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  int mine = 0;
                  for (String name : names) {
                    if (clients.registerIfAbsent(
                        name, "s3cret-" + name, List.of(Roles.COMMAND), null)) {
                      mine++;
                    }
                    if (accounts.createIfAbsent(name, "pw-" + name, List.of(Roles.COMMAND), null)) {
                      mine++;
                    }
                  }
                  return mine;
                }));
      }
      int total = 0;
      for (Future<Integer> replica : created) {
        total += replica.get(120, TimeUnit.SECONDS); // throws if a replica failed on the key
      }
      assertThat(total).isEqualTo(names.size() * 2);
    } finally {
      replicas.shutdownNow();
    }
    for (String name : names) {
      assertThat(
              new Db(dataSource)
                  .count(
                      "select (select count(*) from api_client where client_id = ?)"
                          + " + (select count(*) from account where username = ?)",
                      name,
                      name))
          .isEqualTo(2);
    }
  }
}
