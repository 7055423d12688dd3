package cn.gov.jingyang.ops.personnel.common;

import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;

/**
 * Who may read what beyond an endpoint's own @RolesAllowed: party files are for the political
 * office, command and audit.
 */
public final class Access {

  public static final Set<String> PARTY_READERS =
      Set.of(Roles.PERSONNEL_ADMIN, Roles.COMMAND, Roles.AUDITOR);

  private Access() {}

  public static boolean mayReadPartyFiles(SecurityIdentity identity) {
    return PARTY_READERS.stream().anyMatch(identity::hasRole);
  }

  public static String actor(SecurityIdentity identity) {
    return identity == null || identity.isAnonymous() ? null : identity.getPrincipal().getName();
  }
}
