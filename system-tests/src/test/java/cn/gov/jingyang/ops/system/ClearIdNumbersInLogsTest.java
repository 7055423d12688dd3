package cn.gov.jingyang.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.infra.IdNumbers;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * After every scenario of the JVM (flagged travellers, provincial lists of thousands, cases with
 * suspects, a killed import — classes run in {@code @Order}), no service's log holds a valid
 * national ID number in clear (GB/T 35273: sensitive personal information is masked wherever it
 * leaves the service). The scanner is infra's {@link IdNumbers#inClear}, the one the feed test
 * uses.
 */
@Order(Integer.MAX_VALUE - 2)
class ClearIdNumbersInLogsTest {

  @Test
  void shouldFindNoIdNumberInClearInAnyServiceLog() {
    SystemStack stack = SystemStack.get();
    for (ServiceCatalog.Service service : ServiceCatalog.ALL) {
      String log = stack.log(service);
      assertThat(log).as("%s log", service.name()).isNotBlank();
      assertThat(IdNumbers.inClear(log))
          .as("ID numbers in clear in %s's log", service.name())
          .isEmpty();
    }
  }
}
