package cn.gov.jingyang.ops.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jingyang.ops.infra.EventContracts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The examples this service publishes for its consumers match their own schemas. */
class CheckpointContractsTest {

  private static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EventContracts.root().resolve("events/checkpoint"))) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".example.json"))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyCheckpointExampleMatchesItsSchema() throws IOException {
    List<Path> examples = examples();
    assertThat(examples.stream().map(f -> f.getFileName().toString()))
        .contains(
            "OccupantFlagged.example.json",
            "InspectionRecorded.example.json",
            "ShiftUnderstaffed.example.json");
    for (Path example : examples) {
      EventContracts.assertValid(Files.readString(example));
    }
  }

  @Test
  void anOccupantFlaggedWithoutReasonsBreaksTheContract() {
    String broken =
        EventContracts.example("checkpoint", "OccupantFlagged")
            .replaceAll("\"reasons\": \\[[^\\]]*\\]", "\"reasons\": []");
    assertThatThrownBy(() -> EventContracts.assertValid(broken)).isInstanceOf(AssertionError.class);
  }
}
