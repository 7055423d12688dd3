package cn.gov.jingyang.ops.checkpoint.common;

import cn.gov.jingyang.ops.platform.pii.PersonalData;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who is asking, and whether they may see full national ID numbers and phones: checkpoint officers
 * (they verify people at the barrier) and command (they direct follow-up) see them in full;
 * everyone else (auditors) sees them masked.
 */
@RequestScoped
public class Viewer {

  private final SecurityIdentity identity;

  public Viewer(SecurityIdentity identity) {
    this.identity = identity;
  }

  public String name() {
    return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
  }

  public boolean seesPersonalData() {
    return identity.hasRole(Roles.CHECKPOINT_OFFICER) || identity.hasRole(Roles.COMMAND);
  }

  public String idNumber(String value) {
    return seesPersonalData() ? value : PersonalData.maskIdNumber(value);
  }

  public String phone(String value) {
    return seesPersonalData() ? value : PersonalData.maskPhone(value);
  }
}
