package cn.gov.jingyang.ops.cases.casefile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the case caused: infections, people under observation, places sealed. */
@Schema(description = "Impact figures; absent fields are 0")
public record Impact(
    @Schema(example = "1") @Min(0) @Max(1_000_000) Integer confirmedInfections,
    @Schema(example = "3") @Min(0) @Max(1_000_000) Integer underMedicalObservation,
    @Schema(example = "1") @Min(0) @Max(1_000_000) Integer compoundsSealed,
    @Schema(example = "1") @Min(0) @Max(1_000_000) Integer buildingsSealed) {

  public static final Impact NONE = new Impact(0, 0, 0, 0);

  /** Absent figures as 0. */
  public Impact normalised() {
    return new Impact(
        zero(confirmedInfections),
        zero(underMedicalObservation),
        zero(compoundsSealed),
        zero(buildingsSealed));
  }

  private static int zero(Integer n) {
    return n == null ? 0 : n;
  }
}
