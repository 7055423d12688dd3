package cn.gov.jingyang.ops.platform.testapp;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Endpoints that fail in every way a client can make them fail. */
@Path("/test/registrations")
@RolesAllowed({Roles.COMMAND, Roles.AUDITOR})
public class ProblemsResource {

  public enum Category {
    POLICE_OFFICER,
    AUXILIARY_POLICE,
    VOLUNTEER
  }

  public record Occupant(@NotBlank String name, @Min(30) @Max(45) Double temperature) {}

  public record Registration(
      @NotBlank String name,
      @NotNull Category category,
      @Min(0) Integer age,
      LocalDate since,
      @NotEmpty List<@Valid Occupant> occupants) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> register(@Valid @NotNull Registration registration) {
    return Map.of("name", registration.name(), "category", registration.category());
  }

  @GET
  @Path("/search")
  public Map<String, Object> search(
      @QueryParam("limit") @Min(1) @Max(500) Integer limit,
      @QueryParam("since") LocalDate since,
      @QueryParam("unitId") java.util.UUID unitId) {
    return Map.of("limit", limit == null ? 50 : limit);
  }

  @GET
  @Path("/boom")
  public String boom() {
    throw new IllegalStateException("secret internal detail: connection pool jdbc:postgresql://db");
  }

  @GET
  @Path("/conflict")
  public String conflict() {
    throw ProblemException.illegalTransition("CLOSED", "ACTIVE", List.of());
  }

  @GET
  @Path("/unprocessable")
  public String unprocessable() {
    throw ProblemException.unprocessable("nationalId", "check digit does not match");
  }
}
