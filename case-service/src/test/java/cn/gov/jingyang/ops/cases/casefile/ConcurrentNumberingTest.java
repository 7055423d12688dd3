package cn.gov.jingyang.ops.cases.casefile;

import static cn.gov.jingyang.ops.cases.CaseApiCalls.COMMAND;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.as;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.caseJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrentNumberingTest {

  @Test
  void fiftyConcurrentCreationsGetFiftyDistinctNumbers() throws Exception {
    String body =
        caseJson("OTHER", "PATROL", "黄许镇", "[]")
            .replace("2020-02-01T10:00:00+08:00", "2021-06-01T10:00:00+08:00");
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return as(COMMAND)
                      .body(body)
                      .post("/cases")
                      .then()
                      .statusCode(201)
                      .extract()
                      .<String>path("number");
                }));
      }
      start.countDown();
      Set<String> numbers = new HashSet<>();
      for (Future<String> result : results) {
        numbers.add(result.get());
      }
      assertThat(numbers).hasSize(50).allMatch(n -> n.matches("JY-2021-\\d{6}"));
    } finally {
      pool.shutdownNow();
    }
  }
}
