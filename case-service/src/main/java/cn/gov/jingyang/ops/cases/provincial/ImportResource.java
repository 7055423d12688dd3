package cn.gov.jingyang.ops.cases.provincial;

import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Key-person lists pushed down by the provincial platform. The body is read as it arrives (a
 * blocking endpoint on a worker thread, the body an InputStream): the answer comes when the whole
 * list is imported.
 */
@Path("/imports")
@Tag(name = "Provincial import")
public class ImportResource {

  public static final String NDJSON = "application/x-ndjson";
  public static final String CSV = "text/csv";
  private static final String BATCH_ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
  private static final Pattern BATCH_ID = Pattern.compile(BATCH_ID_PATTERN);

  private final ProvincialImports imports;
  private final ImportLedger ledger;
  private final ImportConfig config;
  private final SecurityIdentity identity;

  public ImportResource(
      ProvincialImports imports,
      ImportLedger ledger,
      ImportConfig config,
      SecurityIdentity identity) {
    this.imports = imports;
    this.ledger = ledger;
    this.config = config;
    this.identity = identity;
  }

  @POST
  @Consumes({NDJSON, CSV})
  @RolesAllowed({Roles.PROVINCIAL_PLATFORM, Roles.COMMAND})
  @Operation(
      summary =
          "Import a key-person list (NDJSON or CSV, contracts/imports): every valid row becomes a"
              + " PROVINCIAL_LIST task routed to its station, or a source of the person's open"
              + " task; bad rows are reported by line. A batch id is imported once: re-sent after"
              + " it completed, the answer is its result (200) and nothing is read; re-sent after"
              + " an interruption, the import resumes after its last committed chunk",
      description =
          "The body is streamed, one person per line (a line over 16,384 characters is a bad"
              + " row); it is bounded as every body by quarkus.http.limits.max-body-size (64 MiB"
              + " by default, 413 above). Each row is validated (contracts/imports/"
              + "key-person-row.schema.json); bad rows are stored with their line and reason."
              + " A missing or odd batchId is 400, another Content-Type 415.")
  @APIResponse(
      responseCode = "201",
      description = "Imported to the end",
      headers =
          @Header(
              name = "Location",
              schema = @Schema(implementation = String.class, maxLength = 80)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ImportProgress.class)))
  @APIResponse(
      responseCode = "200",
      description = "This batch was imported before: its result, nothing new",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ImportProgress.class)))
  @APIResponse(responseCode = "409", description = "The batch is being imported right now")
  public Response importList(
      @Parameter(
              description =
                  "The client's id of the list (letters, digits, . _ -; up to 64): re-sending"
                      + " the same id imports nothing twice",
              required = true,
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                      maxLength = 64,
                      pattern = BATCH_ID_PATTERN))
          @QueryParam("batchId")
          String batchId,
      @HeaderParam("Content-Type") String contentType,
      @Schema(
              type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
              description = "NDJSON or CSV lines, at most quarkus.http.limits.max-body-size",
              maxLength = 67108864)
          InputStream body) {
    if (batchId == null || !BATCH_ID.matcher(batchId).matches()) {
      throw ProblemException.badRequest(
          "batchId", "required: letters, digits, '.', '_' or '-', at most 64 characters");
    }
    ListFormat format = format(contentType);
    ProvincialImports.Outcome outcome =
        imports.importList(batchId, format, body, identity.getPrincipal().getName());
    if (outcome.alreadyImported()) {
      return Response.ok(outcome.progress()).build();
    }
    return Response.created(URI.create("/imports/" + batchId)).entity(outcome.progress()).build();
  }

  /** NDJSON or CSV by Content-Type; a missing or unreadable one is 415, never a guess. */
  private static ListFormat format(String contentType) {
    MediaType type;
    try {
      type = contentType == null || contentType.isBlank() ? null : MediaType.valueOf(contentType);
    } catch (IllegalArgumentException e) {
      type = null;
    }
    if (type != null && type.isCompatible(MediaType.valueOf(CSV))) {
      return ListFormat.CSV;
    }
    if (type != null && type.isCompatible(MediaType.valueOf(NDJSON))) {
      return ListFormat.NDJSON;
    }
    throw new ProblemException(
        Problem.of(
            415,
            "unsupported-media-type",
            "Unsupported Media Type",
            "a key-person list is " + NDJSON + " or " + CSV + " (Content-Type)"));
  }

  @GET
  @Path("/{batchId}")
  @RolesAllowed({Roles.PROVINCIAL_PLATFORM, Roles.COMMAND, Roles.AUDITOR})
  @Operation(
      summary =
          "A batch's progress (while RUNNING, from another request) and result, with its first"
              + " bad rows",
      description =
          "Counts of rows read, tasks created, sources added, duplicates, unroutable and bad"
              + " rows; an unknown batch is 404.")
  public ImportProgress progress(
      @Parameter(
              description = "The batch id the import was sent with",
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                      maxLength = 64,
                      pattern = BATCH_ID_PATTERN))
          @PathParam("batchId")
          String batchId) {
    return ledger
        .progress(batchId, config.badRowsShown())
        .orElseThrow(() -> ProblemException.notFound("import", batchId));
  }
}
