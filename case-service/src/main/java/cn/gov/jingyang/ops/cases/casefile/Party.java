package cn.gov.jingyang.ops.cases.casefile;

import cn.gov.jingyang.ops.platform.pii.PersonalData;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person or organisation involved in a case. ID number and phone are personal data. */
public record Party(
    @Schema(maxLength = 200) String name,
    @Schema(description = "masked for roles without the need", maxLength = 18) String idNumber,
    @Schema(description = "masked for roles without the need", maxLength = 30) String phone,
    PartyRole role) {

  /** The same party with ID number and phone masked (for events and readers without the need). */
  public Party masked() {
    return new Party(
        PersonalData.maskText(name),
        PersonalData.maskIdNumber(idNumber),
        PersonalData.maskPhone(phone),
        role);
  }
}
