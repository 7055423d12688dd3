package cn.gov.jingyang.ops.cases.casefile;

import cn.gov.jingyang.ops.platform.pii.PersonalData;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who is asking, and whether they may see parties' full ID numbers and phones — the rule
 * checkpoint-service's Viewer applies, with the roles that work cases: command (directs), the
 * investigators (work the case) and station officers (report and follow up locally) see them in
 * full; everyone else (auditors) sees them masked by the platform's PersonalData.
 */
@RequestScoped
public class CaseViewer {

  private final SecurityIdentity identity;

  public CaseViewer(SecurityIdentity identity) {
    this.identity = identity;
  }

  /** The token's subject: the author of what this request records. */
  public String name() {
    return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
  }

  public boolean seesPersonalData() {
    return identity.hasRole(Roles.COMMAND)
        || identity.hasRole(Roles.INVESTIGATOR)
        || identity.hasRole(Roles.STATION_OFFICER);
  }

  public Party party(Party party) {
    return seesPersonalData() ? party : party.masked();
  }

  /** Free text (summary, address, timeline), with any ID number or phone in it masked. */
  public String text(String text) {
    return seesPersonalData() ? text : PersonalData.maskText(text);
  }

  public CaseAction action(CaseAction a) {
    return seesPersonalData() ? a : new CaseAction(a.at(), a.author(), a.kind(), text(a.text()));
  }
}
