package cn.gov.jingyang.ops.personnel.deployment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the deployment endpoints. */
public final class DeploymentApi {

  /** More people than the district's whole force: a larger count is a mistake. */
  static final int MAX_PEOPLE = 5000;

  private DeploymentApi() {}

  @Schema(description = "A target of a deployment")
  public record Target(
      @Schema(
              description =
                  "UNIT: a unit of personnel-service (a police station, a brigade…);"
                      + " CHECKPOINT: a checkpoint of checkpoint-service",
              example = "CHECKPOINT")
          @NotNull
          DeploymentTarget.Kind kind,
      @Schema(description = "unit id or checkpoint id") @NotNull UUID id) {

    static Target of(DeploymentTarget t) {
      return new Target(t.kind(), t.targetId());
    }

    static List<Target> of(Deployment d) {
      return d.targets().stream().map(Target::of).toList();
    }
  }

  @Schema(
      description =
          "A deployment: a person or a team sent to support other units and checkpoints. Give"
              + " `targets`, or (the earlier single-target form) `toUnitId`")
  public record StartDeployment(
      @Schema(description = "Unit sending the people") @NotNull UUID fromUnitId,
      @Schema(
              description =
                  "Single-target form: the one unit supported (same as targets: [{UNIT, id}]);"
                      + " not together with targets")
          UUID toUnitId,
      @Schema(description = "Where the people go: units and checkpoints, at least one")
          @Size(max = 50)
          List<@Valid @NotNull Target> targets,
      @Schema(description = "Task", example = "household verification in 柏隆")
          @NotBlank
          @Size(max = 500)
          String task,
      @Schema(description = "First day", example = "2020-01-28") @NotNull LocalDate startsOn,
      @Schema(description = "Planned last day, if known", example = "2020-02-20") LocalDate endsOn,
      @Schema(description = "People sent, by id (one for a person, several for a team)")
          @Size(max = 500)
          List<@NotNull UUID> personIds,
      @Schema(
              description =
                  "Total people sent when not all are named; defaults to policeCount +"
                      + " auxiliaryCount, else to the number named. At most 5000, more than the"
                      + " district's whole force",
              example = "61")
          @Min(1)
          @Max(MAX_PEOPLE)
          Integer headcount,
      @Schema(description = "Police officers among them", example = "51") @Min(0) @Max(MAX_PEOPLE)
          Integer policeCount,
      @Schema(description = "Auxiliary police among them", example = "10") @Min(0) @Max(MAX_PEOPLE)
          Integer auxiliaryCount) {}

  @Schema(description = "The end of a deployment")
  public record EndDeployment(
      @Schema(description = "Day it ended", example = "2020-02-20") @NotNull LocalDate endedOn,
      @Schema(description = "Note", example = "household checks completed") @Size(max = 500)
          String note) {}

  @Schema(description = "A deployment")
  public record DeploymentView(
      @Schema(description = "Deployment id") UUID id,
      @Schema(description = "Sending unit") UUID fromUnitId,
      @Schema(description = "The first unit among the targets; null when only checkpoints")
          UUID toUnitId,
      @Schema(description = "Units and checkpoints supported", maxItems = 50) List<Target> targets,
      @Schema(description = "Task", maxLength = 500) String task,
      @Schema(description = "First day", example = "2020-01-28") LocalDate startsOn,
      @Schema(description = "Planned last day") LocalDate endsOn,
      @Schema(description = "Day it actually ended, null while running") LocalDate endedOn,
      @Schema(
              description = "People sent",
              example = "61",
              minimum = "1",
              maximum = "" + 2 * MAX_PEOPLE)
          int headcount,
      @Schema(
              description = "Police officers among them, if given",
              example = "51",
              minimum = "0",
              maximum = "" + MAX_PEOPLE)
          Integer policeCount,
      @Schema(
              description = "Auxiliaries among them, if given",
              example = "10",
              minimum = "0",
              maximum = "" + MAX_PEOPLE)
          Integer auxiliaryCount,
      @Schema(description = "People named", maxItems = 500) List<UUID> personIds,
      @Schema(description = "Current today", example = "true") boolean current,
      @Schema(description = "Version; the ETag is this number in quotes", example = "0")
          long version) {

    static DeploymentView of(Deployment d, LocalDate today) {
      return new DeploymentView(
          d.id(),
          d.fromUnitId(),
          d.toUnitId(),
          Target.of(d),
          d.task(),
          d.startsOn(),
          d.endsOn(),
          d.endedOn(),
          d.headcount(),
          d.policeCount(),
          d.auxiliaryCount(),
          d.members(),
          d.currentOn(today),
          d.version());
    }
  }
}
