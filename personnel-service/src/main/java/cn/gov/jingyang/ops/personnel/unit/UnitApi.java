package cn.gov.jingyang.ops.personnel.unit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the unit endpoints. */
public final class UnitApi {

  private UnitApi() {}

  @Schema(description = "A new unit of the tree")
  public record CreateUnit(
      @Schema(description = "Short unique code", example = "PS-HX") @NotBlank @Size(max = 40)
          String code,
      @Schema(description = "Name", example = "黃許派出所") @NotBlank @Size(max = 200) String name,
      @Schema(description = "Kind of unit", example = "POLICE_STATION") @NotNull UnitKind kind,
      @Schema(
              description = "Parent unit; required except for the bureau and external departments",
              example = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
          UUID parentId,
      @Schema(
              description =
                  "Towns covered (police stations only): gazetteer codes or any name or alias of"
                      + " the town; each town has one station. At most 50 (the district has 17)",
              example = "[\"510603-T11\"]")
          @Size(max = 50)
          List<@NotBlank @Size(max = 100) String> towns) {}

  @Schema(description = "The towns a police station covers, replacing the previous list")
  public record Coverage(
      @Schema(
              description =
                  "Towns covered: gazetteer codes or any name or alias (黄许, 黃許鎮); a town another"
                      + " station covers is refused (409), move it with POST"
                      + " /units/coverage/transfers. At most 50 (the district has 17)",
              example = "[\"510603-T11\", \"八角井鎮\"]")
          @NotNull
          @Size(max = 50)
          List<@NotBlank @Size(max = 100) String> towns) {}

  @Schema(description = "Move a town to another station's coverage, in one step")
  public record TownTransfer(
      @Schema(description = "Town: gazetteer code or any name or alias", example = "孝泉")
          @NotBlank
          @Size(max = 100)
          String town,
      @Schema(description = "The police station that covers the town from now on") @NotNull
          UUID toUnitId,
      @Schema(
              description =
                  "The station the caller saw covering the town (GET /units/coverage?town=);"
                      + " absent if none did. 412 if the town is covered by another station (or"
                      + " by one) now: a concurrent transfer is never overwritten unseen")
          UUID fromUnitId) {}

  @Schema(description = "A town moved to another station")
  public record TransferView(
      @Schema(description = "The town") CoveredTown town,
      @Schema(description = "The station that covered it before; null if none did") UnitView from,
      @Schema(description = "The station that covers it now") UnitView to) {

    static TransferView of(UnitService.Transfer t) {
      return new TransferView(
          t.town(), t.from() == null ? null : UnitView.of(t.from()), UnitView.of(t.to()));
    }
  }

  @Schema(description = "A unit")
  public record UnitView(
      @Schema(description = "Unit id") UUID id,
      @Schema(description = "Short unique code", example = "PS-HX", maxLength = 40) String code,
      @Schema(description = "Name", example = "黃許派出所", maxLength = 200) String name,
      @Schema(description = "Kind", example = "POLICE_STATION") UnitKind kind,
      @Schema(description = "Parent unit, null for the root and external departments")
          UUID parentId,
      @Schema(description = "Towns covered (police stations), by gazetteer code", maxItems = 50)
          List<CoveredTown> towns,
      @Schema(
              description =
                  "Version; in quotes it is the ETag that If-Match of a coverage change or transfer"
                      + " names",
              example = "0")
          long version) {

    static UnitView of(Unit u) {
      return new UnitView(
          u.id(), u.code(), u.name(), u.kind(), u.parentId(), u.towns(), u.version());
    }
  }
}
