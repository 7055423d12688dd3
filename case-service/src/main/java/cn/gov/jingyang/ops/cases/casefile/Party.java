package cn.gov.jingyang.ops.cases.casefile;

import cn.gov.jingyang.ops.platform.pii.PersonalData;

/** A person or organisation involved in a case. ID number and phone are personal data. */
public record Party(String name, String idNumber, String phone, PartyRole role) {

  /** The same party with ID number and phone masked (for events and readers without the need). */
  public Party masked() {
    return new Party(
        PersonalData.maskText(name),
        PersonalData.maskIdNumber(idNumber),
        PersonalData.maskPhone(phone),
        role);
  }
}
