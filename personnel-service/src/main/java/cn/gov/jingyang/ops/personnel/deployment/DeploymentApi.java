package cn.gov.jingyang.ops.personnel.deployment;

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

  private DeploymentApi() {}

  @Schema(description = "A deployment: a person or a team sent to support another unit")
  public record StartDeployment(
      @Schema(description = "Unit sending the people") @NotNull UUID fromUnitId,
      @Schema(description = "Unit supported") @NotNull UUID toUnitId,
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
                  "Total people sent when not all are named; defaults to the number named",
              example = "61")
          @Min(1)
          Integer headcount) {}

  @Schema(description = "The end of a deployment")
  public record EndDeployment(
      @Schema(description = "Day it ended", example = "2020-02-20") @NotNull LocalDate endedOn,
      @Schema(description = "Note", example = "household checks completed") @Size(max = 500)
          String note) {}

  @Schema(description = "A deployment")
  public record DeploymentView(
      @Schema(description = "Deployment id") UUID id,
      @Schema(description = "Sending unit") UUID fromUnitId,
      @Schema(description = "Supported unit") UUID toUnitId,
      @Schema(description = "Task") String task,
      @Schema(description = "First day", example = "2020-01-28") LocalDate startsOn,
      @Schema(description = "Planned last day") LocalDate endsOn,
      @Schema(description = "Day it actually ended, null while running") LocalDate endedOn,
      @Schema(description = "People sent", example = "61") int headcount,
      @Schema(description = "People named") List<UUID> personIds,
      @Schema(description = "Current today", example = "true") boolean current) {

    static DeploymentView of(Deployment d, LocalDate today) {
      return new DeploymentView(
          d.id(),
          d.fromUnitId(),
          d.toUnitId(),
          d.task(),
          d.startsOn(),
          d.endsOn(),
          d.endedOn(),
          d.headcount(),
          d.members(),
          d.currentOn(today));
    }
  }
}
