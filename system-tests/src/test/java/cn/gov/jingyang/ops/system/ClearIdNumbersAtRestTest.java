package cn.gov.jingyang.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.infra.IdNumberScan;
import cn.gov.jingyang.ops.infra.PostgresServer;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * After every scenario of the JVM has written its travellers, provincial lists, cases and people,
 * no valid national ID number is in clear anywhere the suite keeps data (issue 13, R4): not in
 * PostgreSQL's files (tables, indexes, WAL — after the scan's checkpoint wrote every page), not in
 * any row of any service's database read as text (values PostgreSQL compressed are not visible in
 * its files), not in any record of Kafka's segments (decoded: batches are lz4-compressed), not in
 * the service logs. The scanner is infra's {@link IdNumberScan}; the fault run uses the same.
 */
@Order(Integer.MAX_VALUE - 3)
class ClearIdNumbersAtRestTest {

  @Test
  void shouldFindNoIdNumberInClearInTheDatabasesKafkaOrTheLogs() throws Exception {
    SystemStack stack = SystemStack.get();
    IdNumberScan scan = new IdNumberScan();
    for (ServiceCatalog.Service service : ServiceCatalog.ALL) {
      scan.database(
          stack.jdbcUrl(service.database()), PostgresServer.USER, PostgresServer.PASSWORD);
    }
    scan.files(stack.layout().postgresData());
    scan.kafkaSegments(stack.layout().kafkaData());
    scan.files(stack.layout().logs());

    System.out.println("[at rest] " + scan.summary());
    assertThat(scan.summary()).doesNotStartWith("0 files");
    assertThat(scan.found()).as(scan.summary()).isEmpty();
  }
}
