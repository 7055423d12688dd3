package cn.gov.jingyang.ops.gateway.feed;

import cn.gov.jingyang.ops.gateway.access.AccessLog;
import cn.gov.jingyang.ops.platform.feed.EventFeedResource;
import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The services' event feeds for the provincial platform: {@code /api/v1/feed/<name>} is the
 * service's own {@code /events} (masked personal data, cursor paging, long polling), which is
 * otherwise not reachable from outside.
 */
@Path("/api/v1/feed")
@Tag(name = "Feeds")
@RolesAllowed({Roles.PROVINCIAL_PLATFORM, Roles.COMMAND})
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

  /** The largest page a reader may ask for (the services' {@code ops.feed.max-limit}). */
  static final int MAX_LIMIT = 1000;

  /** The longest a reader may wait for an event, in seconds (the services' maximum). */
  static final int MAX_WAIT = 30;

  private final FeedUpstream upstream;

  public FeedResource(FeedUpstream upstream) {
    this.upstream = upstream;
  }

  @GET
  @Path("/{feed}")
  @Operation(
      summary = "A service's events after a cursor, oldest first; long polling with wait",
      description =
          "feed is checkpoint, case or personnel (every configured route). Start with after=0 and"
              + " pass the returned nextCursor as the next after. With wait=N (0 to 30 s) a"
              + " request that finds no event after the cursor is answered as soon as one is"
              + " committed, or with an empty page after N seconds. ID numbers and phone numbers"
              + " are masked. A cursor older than the feed's retention is 410 (cursor-expired,"
              + " earliestCursor).")
  @APIResponse(
      responseCode = "200",
      description =
          "a page: {stream, events: [{cursor, event (CloudEvents 1.0)}], nextCursor, hasMore}",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EventFeedResource.FeedPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "after, limit or wait out of range",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "404",
      description = "no feed of that name",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "410",
      description = "the cursor is older than the retention window",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "503",
      description = "the service cannot be reached or its circuit is open (Retry-After)",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "504",
      description = "the service did not answer within the route's timeout plus wait",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Uni<Response> feed(
      @Parameter(description = "checkpoint, case or personnel") @PathParam("feed") @Size(max = 40)
          String feed,
      @Parameter(description = "cursor of the last event already read (0 = from the start)")
          @QueryParam("after")
          @DefaultValue("0")
          @Min(0)
          @Max(Long.MAX_VALUE)
          long after,
      @Parameter(description = "page size, 1 to 1000; default 100")
          @QueryParam("limit")
          @Min(1)
          @Max(MAX_LIMIT)
          Integer limit,
      @Parameter(description = "seconds to wait for an event at the end of the feed, 0 to 30")
          @QueryParam("wait")
          @DefaultValue("0")
          @Min(0)
          @Max(MAX_WAIT)
          int wait,
      @Context HttpHeaders headers,
      @Context RoutingContext ctx) {
    ctx.put(AccessLog.ROUTE_KEY, "feed");
    return upstream.read(feed, after, limit, wait, headers);
  }
}
