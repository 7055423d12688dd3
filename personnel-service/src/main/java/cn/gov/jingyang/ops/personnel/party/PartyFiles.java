package cn.gov.jingyang.ops.personnel.party;

import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;

/**
 * Who may read party files beyond an endpoint's own @RolesAllowed: the political office, command
 * and audit.
 */
public final class PartyFiles {

  public static final Set<String> READERS =
      Set.of(Roles.PERSONNEL_ADMIN, Roles.COMMAND, Roles.AUDITOR);

  private PartyFiles() {}

  public static boolean mayRead(SecurityIdentity identity) {
    return READERS.stream().anyMatch(identity::hasRole);
  }
}
