package cn.gov.jingyang.ops.cases.casefile;

import cn.gov.jingyang.ops.platform.pii.PersonalData;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A case's description changed (kind, summary, place, lead unit, partners, parties, impact): the
 * whole description after the change, with the new version; personal data masked.
 */
public record CaseUpdated(
    UUID caseId,
    String number,
    CaseKind kind,
    CaseStatus status,
    String summary,
    OffsetDateTime reportedAt,
    String townCode,
    String townName,
    String address,
    UUID leadUnitId,
    List<String> partnerAgencies,
    List<Party> parties,
    Impact impact,
    long version,
    String changedBy)
    implements CaseEvent {

  static CaseUpdated of(CaseFile c, String changedBy) {
    CaseFile.Details d = c.details();
    return new CaseUpdated(
        c.id(),
        c.number(),
        c.kind(),
        c.status(),
        PersonalData.maskText(d.summary()),
        d.reportedAt(),
        d.townCode(),
        d.townName(),
        PersonalData.maskText(d.address()),
        d.leadUnitId(),
        d.partnerAgencies(),
        d.parties().stream().map(Party::masked).toList(),
        d.impact(),
        c.version(),
        changedBy);
  }
}
