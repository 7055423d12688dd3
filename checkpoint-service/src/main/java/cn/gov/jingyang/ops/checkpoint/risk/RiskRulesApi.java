package cn.gov.jingyang.ops.checkpoint.risk;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the risk-rules endpoints. */
public final class RiskRulesApi {

  private RiskRulesApi() {}

  @Schema(description = "The risk rules as they shall be from now on (a new version)")
  public record RiskRulesRequest(
      @Schema(
              description =
                  "risk regions: a province or province/city; empty for none (FROM_RISK_REGION"
                      + " never flags then)",
              example = "[\"湖北省\", \"浙江省/温州市\"]")
          @NotNull
          @Size(max = 200)
          List<
                  @NotBlank @Size(max = 100)
                  @Pattern(regexp = "[^/]+(/[^/]+)?", message = "is a province or province/city")
                  String>
              regions,
      @Schema(description = "fever at or above this temperature, °C", example = "37.3")
          @NotNull
          @DecimalMin("35.0")
          @DecimalMax("42.0")
          BigDecimal temperatureThreshold,
      @Schema(description = "symptoms that flag an occupant", example = "[\"FEVER\", \"COUGH\"]")
          @NotNull
          @Size(max = 20)
          List<@NotNull Symptom> symptoms,
      @Schema(description = "why they change", example = "温州 added to the province's list")
          @NotBlank
          @Size(max = 500)
          String reason) {}

  @Schema(description = "One version of the risk rules")
  public record RiskRulesView(
      @Schema(
              description = "version; the ETag is this number in quotes",
              example = "2",
              minimum = "1",
              maximum = "2147483647")
          int version,
      @Schema(maxItems = 200) List<@Size(max = 100) String> regions,
      @Schema(example = "37.3") BigDecimal temperatureThreshold,
      @Schema(maxItems = 20) List<Symptom> symptoms,
      @Schema(description = "why; null for version 1 (the configuration)", maxLength = 500)
          String reason,
      @Schema(description = "who (a token subject); `configuration` for version 1", maxLength = 128)
          String changedBy,
      OffsetDateTime changedAt) {

    static RiskRulesView of(RiskRulesVersion v) {
      return new RiskRulesView(
          v.version(),
          v.regions(),
          v.temperatureThreshold(),
          v.symptoms(),
          v.reason(),
          v.changedBy(),
          v.changedAt());
    }
  }
}
