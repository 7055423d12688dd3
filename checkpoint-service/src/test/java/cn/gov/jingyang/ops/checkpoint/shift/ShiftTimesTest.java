package cn.gov.jingyang.ops.checkpoint.shift;

import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static cn.gov.jingyang.ops.checkpoint.Api.member;
import static cn.gov.jingyang.ops.checkpoint.shift.ShiftSupport.schedule;
import static cn.gov.jingyang.ops.checkpoint.shift.ShiftSupport.shift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Start times from clients are checked for sense (422 naming {@code at}), so that no ShiftStarted
 * leaves this service that personnel-service would have to dead-letter (its interval would be
 * empty) or that counts duty long before the shift was planned.
 */
@QuarkusTest
class ShiftTimesTest {

  private static final OffsetDateTime BASE =
      OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(90).truncatedTo(ChronoUnit.HOURS);

  @Inject KafkaClients kafka;
  @Inject DataSource dataSource;

  private static ValidatableResponse start(String shift, OffsetDateTime at) {
    return as(COMMAND).body("{\"at\":\"" + at + "\"}").post("/shifts/" + shift + "/start").then();
  }

  @Test
  void aShiftDoesNotStartAtOrAfterItsPlannedEndNorLongBeforeItWasScheduled() {
    UUID lead = new ShiftSupport(kafka.bootstrapServers()).available();
    String id = schedule(shift(Api.activeCheckpoint(), BASE, 8, List.of(member(lead, "LEAD"))));

    start(id, BASE.plusHours(8))
        .statusCode(422)
        .body("errors.field", hasItem("at"))
        .body("detail", containsString("planned end"));
    start(id, BASE.plusHours(9)).statusCode(422).body("errors.field", hasItem("at"));
    start(id, BASE.minusHours(3))
        .statusCode(422)
        .body("errors.field", hasItem("at"))
        .body("detail", containsString("PT2H"));
    assertThat(new Db(dataSource).events("ShiftStarted", "shiftId", id)).isEmpty();

    // within the tolerance (the team arrived early): started, and the event has a sound interval
    start(id, BASE.minusHours(1)).statusCode(200);
    List<String> started = new Db(dataSource).events("ShiftStarted", "shiftId", id);
    assertThat(started).hasSize(1);
    EventContracts.assertValid(started.get(0));
  }
}
