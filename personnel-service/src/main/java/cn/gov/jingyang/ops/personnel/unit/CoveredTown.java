package cn.gov.jingyang.ops.personnel.unit;

import cn.gov.jingyang.ops.platform.gazetteer.Town;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A town of the gazetteer a police station covers: the code routes, the name is for display. */
@Embeddable
@Schema(description = "A town or subdistrict of Jingyang district, by gazetteer code")
public record CoveredTown(
    @Schema(
            description = "Gazetteer code",
            example = "510603-T11",
            maxLength = 10,
            pattern = "^\\d{6}-T\\d{2}$")
        @Column(name = "town_code")
        String code,
    @Schema(description = "Canonical name", example = "黄许镇", maxLength = 64)
        @Column(name = "town_name")
        String name) {

  static CoveredTown of(Town town) {
    return new CoveredTown(town.code(), town.name());
  }
}
