package cn.gov.jingyang.ops.cases.casefile;

import cn.gov.jingyang.ops.platform.pii.PersonalData;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A case was reported (status REPORTED), with its number. Parties' ID numbers and phones are
 * masked, and so is any ID number or phone written into the summary or address.
 */
public record CaseReported(
    UUID caseId,
    String number,
    CaseKind kind,
    CaseSource source,
    CaseStatus status,
    String summary,
    OffsetDateTime reportedAt,
    String townCode,
    String townName,
    String address,
    UUID leadUnitId,
    List<String> partnerAgencies,
    List<AssignedOfficer> officers,
    List<Party> parties,
    Impact impact,
    UUID linkedTaskId,
    String reportedBy)
    implements CaseEvent {

  static CaseReported of(CaseFile c) {
    CaseFile.Details d = c.details();
    return new CaseReported(
        c.id(),
        c.number(),
        c.kind(),
        c.source(),
        c.status(),
        PersonalData.maskText(d.summary()),
        d.reportedAt(),
        d.townCode(),
        d.townName(),
        PersonalData.maskText(d.address()),
        d.leadUnitId(),
        d.partnerAgencies(),
        c.officers(),
        d.parties().stream().map(Party::masked).toList(),
        d.impact(),
        c.linkedTaskId(),
        c.reportedBy());
  }
}
