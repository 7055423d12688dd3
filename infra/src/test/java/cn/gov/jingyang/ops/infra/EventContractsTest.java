package cn.gov.jingyang.ops.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventContractsTest {

  @Test
  void shouldFindEveryExampleValidAgainstItsSchema() throws IOException {
    List<Path> examples;
    try (Stream<Path> files = Files.walk(EventContracts.root().resolve("events"))) {
      examples = files.filter(p -> p.toString().endsWith(".example.json")).toList();
    }
    assertThat(examples).isNotEmpty();
    for (Path example : examples) {
      EventContracts.assertValid(Files.readString(example));
    }
  }

  @Test
  void shouldListEveryServiceEventInTheAsyncApiDocument() throws IOException {
    String asyncApi = Files.readString(EventContracts.root().resolve("asyncapi.yaml"));
    List<String> schemas;
    try (Stream<Path> files = Files.walk(EventContracts.root().resolve("events"))) {
      schemas =
          files
              .filter(p -> p.toString().endsWith(".schema.json"))
              .map(p -> EventContracts.root().relativize(p).toString())
              .filter(p -> !p.startsWith("events/platformtest/"))
              .toList();
    }
    assertThat(schemas).isNotEmpty();
    assertThat(schemas).allSatisfy(schema -> assertThat(asyncApi).contains("'./" + schema + "'"));
  }

  /** Issue 8 §1: checkpoint's flagged traveller and personnel's station coverage meet on a code. */
  @Test
  void shouldGiveTheFlaggedTravellersTownAndTheStationCoveringItTheSameCode() throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode flagged =
        json.readTree(EventContracts.example("checkpoint", "OccupantFlagged")).path("data");
    JsonNode coverage =
        json.readTree(EventContracts.example("personnel", "UnitCoverageChanged")).path("data");
    assertThat(flagged.path("destinationTown").asText()).isEqualTo("孝泉镇");
    assertThat(flagged.path("destinationTownCode").asText()).isEqualTo("510603-T10");
    List<String> covered = coverage.path("towns").findValuesAsText("code");
    assertThat(covered).contains(flagged.path("destinationTownCode").asText(), "510603-T11");
  }

  @Test
  void shouldRefuseAnEventThatBreaksItsContract() {
    String broken =
        EventContracts.example("personnel", "DutyStatusChanged")
            .replace("\"SICK\"", "\"ABDUCTED_BY_ALIENS\"");
    assertThatThrownBy(() -> EventContracts.assertValid(broken))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("status");
  }

  @Test
  void shouldRefuseAnEventWithoutAContract() {
    String unknown =
        EventContracts.example("personnel", "DutyStatusChanged")
            .replace("DutyStatusChanged\"", "SomethingNew\"");
    assertThatThrownBy(() -> EventContracts.assertValid(unknown))
        .hasMessageContaining("no contract");
  }

  @Test
  void shouldRefuseAnEnvelopeWithoutItsId() {
    String noId =
        EventContracts.example("checkpoint", "ShiftStarted")
            .replaceFirst("\"id\"", "\"identifier\"");
    assertThatThrownBy(() -> EventContracts.assertValid(noId)).hasMessageContaining("id");
  }
}
