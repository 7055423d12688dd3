package cn.gov.jingyang.ops.platform.feed;

import cn.gov.jingyang.ops.platform.config.PlatformConfig;
import cn.gov.jingyang.ops.platform.outbox.CommitSignal;
import cn.gov.jingyang.ops.platform.pii.PersonalData;
import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The service's event log over HTTP, read from the outbox: in order, from any cursor, as often as a
 * reader likes (at-least-once, replayable). ID numbers and phones are masked. A cursor below what
 * retention has purged is answered 410 with the earliest cursor still complete, never with a page
 * that silently skips the purged events.
 */
@Path("/events")
@Tag(name = "Event feed")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROVINCIAL_PLATFORM, Roles.COMMAND, Roles.AUDITOR})
public class EventFeedResource {

  /** The longest a reader may wait for an event ({@code wait=}, seconds). */
  public static final int MAX_WAIT_SECONDS = 30;

  /** One page of the feed; {@code nextCursor} is the {@code after} of the next request. */
  public record FeedPage(
      @Schema(description = "the service's event stream", maxLength = 64) String stream,
      @Schema(maxItems = PlatformConfig.Feed.MAX_PAGE) List<FeedItem> events,
      long nextCursor,
      boolean hasMore) {}

  /** An event (CloudEvents 1.0, structured JSON, personal data masked) and its cursor. */
  public record FeedItem(long cursor, JsonNode event) {}

  private final DataSource dataSource;
  private final ObjectMapper mapper;
  private final PlatformConfig config;
  private final CommitSignal committed;

  public EventFeedResource(
      DataSource dataSource, ObjectMapper mapper, PlatformConfig config, CommitSignal committed) {
    this.dataSource = dataSource;
    this.mapper = mapper;
    this.config = config;
    this.committed = committed;
  }

  @GET
  @Operation(
      summary = "Events after a cursor, oldest first",
      description =
          "Start with after=0; pass the returned nextCursor to continue. A limit above the"
              + " maximum is capped. Events are never removed from the feed before the outbox"
              + " retention period has passed; retention removes the oldest events only, in cursor"
              + " order. A cursor older than what was removed is answered 410 (problem type"
              + " cursor-expired) whose earliestCursor member is the oldest cursor to resume from:"
              + " the events in between are gone from the feed and must be recovered another way."
              + " Long polling: with wait=N (0 to 30 seconds) a request that finds no event after"
              + " the cursor is answered as soon as one is committed, or with an empty page after"
              + " N seconds; a waiting request holds no server thread.")
  @APIResponse(
      responseCode = "200",
      description = "a page of events",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = FeedPage.class)))
  @APIResponse(
      responseCode = "410",
      description =
          "the cursor is older than the retention window; earliestCursor names where the"
              + " feed is complete again",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Uni<FeedPage> events(
      @Parameter(description = "cursor of the last event already read (0 = from the start)")
          @QueryParam("after")
          @DefaultValue("0")
          @Min(0)
          long after,
      @Parameter(description = "page size; default 100, capped at 1000")
          @QueryParam("limit")
          @Min(1)
          Integer limit,
      @Parameter(
              description =
                  "seconds to wait for an event when none is after the cursor (long polling);"
                      + " 0 answers at once")
          @QueryParam("wait")
          @DefaultValue("0")
          @Min(0)
          @Max(MAX_WAIT_SECONDS)
          int wait) {
    int size =
        Math.min(limit == null ? config.feed().defaultLimit() : limit, config.feed().maxLimit());
    return page(after, size, System.nanoTime() + TimeUnit.SECONDS.toNanos(wait));
  }

  /**
   * Reads on a worker thread; while the page is empty and the deadline is ahead, waits without a
   * thread for the next commit signal (or the poll interval, for other instances' commits) and
   * reads again. The signal's count is taken before the read, so a commit during it is not missed.
   */
  private Uni<FeedPage> page(long after, int size, long deadline) {
    long seen = committed.count();
    return Uni.createFrom()
        .item(() -> read(after, size))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .flatMap(
            page -> {
              long left = deadline - System.nanoTime();
              if (!page.events().isEmpty() || left <= 0) {
                return Uni.createFrom().item(page);
              }
              Duration pause = Duration.ofNanos(left);
              Duration poll = config.outbox().pollInterval();
              return committed
                  .after(seen, pause.compareTo(poll) < 0 ? pause : poll)
                  .flatMap(signalled -> page(after, size, deadline));
            });
  }

  private FeedPage read(long after, int size) {
    try (Connection c = dataSource.getConnection()) {
      FeedLog.Slice slice = FeedLog.read(c, config.serviceName() + ".events", after, size + 1);
      if (after < slice.purgedThrough()) {
        throw new ProblemException(
            Problem.of(
                    410,
                    "cursor-expired",
                    "Cursor older than the feed's retention",
                    "events up to cursor "
                        + slice.purgedThrough()
                        + " have been removed by retention;"
                        + " resume from earliestCursor and recover the gap another way")
                .with("earliestCursor", slice.purgedThrough()));
      }
      List<FeedLog.FeedRow> rows = slice.rows();
      boolean hasMore = rows.size() > size;
      List<FeedItem> items =
          rows.stream().limit(size).map(r -> new FeedItem(r.cursor(), masked(r.event()))).toList();
      long next = items.isEmpty() ? after : items.get(items.size() - 1).cursor();
      return new FeedPage(config.serviceName(), items, next, hasMore);
    } catch (SQLException e) {
      throw new IllegalStateException("feed unavailable", e);
    }
  }

  private JsonNode masked(String event) {
    try {
      return PersonalData.mask(mapper.readTree(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("outbox row is not JSON", e);
    }
  }
}
