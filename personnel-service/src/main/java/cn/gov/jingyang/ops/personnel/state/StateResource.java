package cn.gov.jingyang.ops.personnel.state;

import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators refill the compacted state topics (personnel.people.state, personnel.units.state). */
@Path("/admin/state")
@Tag(name = "State topics", description = "The latest state of every person and unit, on Kafka")
@Produces(MediaType.APPLICATION_JSON)
public class StateResource {

  private final StateRepublication republication;

  public StateResource(StateRepublication republication) {
    this.republication = republication;
  }

  @POST
  @Path("/republish")
  @Idempotent
  @RolesAllowed({Roles.COMMAND, Roles.PERSONNEL_ADMIN})
  @Operation(
      summary = "Publish the current snapshot of every person and unit on the state topics",
      description =
          "Appends a PersonSnapshot for every person (active or not) to personnel.people.state and"
              + " a UnitSnapshot for every unit to personnel.units.state, in one transaction."
              + " Needed once for the people and units recorded before the state topics existed;"
              + " harmless to repeat: consumers apply a snapshot only if its version is newer.")
  public StateRepublication.Republished republish() {
    return republication.republishAll();
  }
}
