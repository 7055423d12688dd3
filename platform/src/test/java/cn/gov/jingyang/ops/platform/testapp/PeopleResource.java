package cn.gov.jingyang.ops.platform.testapp;

import cn.gov.jingyang.ops.platform.pii.PersonalDataViewer;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** A person's card, shown through the platform's PersonalDataViewer: what the audit trail sees. */
@Path("/test/people")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({
  Roles.COMMAND,
  Roles.CHECKPOINT_OFFICER,
  Roles.STATION_OFFICER,
  Roles.INVESTIGATOR,
  Roles.PERSONNEL_ADMIN,
  Roles.PROVINCIAL_PLATFORM,
  Roles.AUDITOR
})
public class PeopleResource {

  public static final String ID_NUMBER = "510603199001011234";
  public static final String PHONE = "13812345678";

  private final PersonalDataViewer viewer;

  public PeopleResource(PersonalDataViewer viewer) {
    this.viewer = viewer;
  }

  @GET
  @Path("/{id}")
  public Map<String, String> person(@PathParam("id") String id) {
    return Map.of("id", id, "idNumber", viewer.idNumber(ID_NUMBER), "phone", viewer.phone(PHONE));
  }

  @GET
  public List<Map<String, String>> search(@QueryParam("idNumber") String idNumber) {
    viewer.requireMaySearchByIdNumber("idNumber", idNumber);
    return ID_NUMBER.equals(idNumber) ? List.of(Map.of("id", "p1")) : List.of();
  }
}
