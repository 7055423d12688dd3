package cn.gov.jingyang.ops.personnel.deployment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a deployment sends its people: a unit (a police station, a brigade…) or a checkpoint. */
@Embeddable
@Schema(
    description =
        "A target of a deployment: a unit (by unit id) or a checkpoint (by checkpoint id)")
public class DeploymentTarget {

  /** UNIT: a unit of this service; CHECKPOINT: a checkpoint of checkpoint-service. */
  public enum Kind {
    UNIT,
    CHECKPOINT
  }

  @Enumerated(EnumType.STRING)
  private Kind kind;

  @Column(name = "target_id")
  private UUID targetId;

  protected DeploymentTarget() {}

  public DeploymentTarget(Kind kind, UUID targetId) {
    this.kind = kind;
    this.targetId = targetId;
  }

  public Kind kind() {
    return kind;
  }

  public UUID targetId() {
    return targetId;
  }

  boolean sameAs(DeploymentTarget other) {
    return kind == other.kind && targetId.equals(other.targetId);
  }
}
