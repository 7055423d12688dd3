package cn.gov.jingyang.ops.platform.testapp;

import cn.gov.jingyang.ops.platform.paging.LikePattern;
import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.problem.ProblemResponse;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.versioning.Etags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Writes that race each other on real PostgreSQL: unique keys, versions, row locks. */
@Path("/test/races")
@RolesAllowed(Roles.COMMAND)
public class RacesResource {

  public record NewBadge(String badgeNumber, String holder, UUID unitId) {}

  /** Both deadlock requests take their first lock, then meet here, then take the other's. */
  static final CyclicBarrier BOTH_HOLD_ONE_LOCK = new CyclicBarrier(2);

  static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

  private final EntityManager em;

  public RacesResource(EntityManager em) {
    this.em = em;
  }

  @POST
  @Path("/badges")
  @Transactional
  public Response create(NewBadge request) {
    Badge badge = new Badge();
    badge.id = UUID.randomUUID();
    badge.badgeNumber = request.badgeNumber();
    badge.holder = request.holder();
    badge.unitId = request.unitId();
    em.persist(badge); // flushed at commit: a refused row fails the commit itself
    return Response.status(201).entity(Map.of("id", badge.id)).build();
  }

  @GET
  @Path("/badges")
  @Produces(MediaType.APPLICATION_JSON)
  public List<String> search(@QueryParam("q") String text) {
    return em.createQuery(
            "select b.holder from Badge b where b.holder like :text "
                + LikePattern.ESCAPE
                + " order by b.holder",
            String.class)
        .setParameter("text", LikePattern.containing(text))
        .getResultList();
  }

  @GET
  @Path("/badges/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> get(@PathParam("id") UUID id) {
    Badge badge = em.find(Badge.class, id);
    if (badge == null) {
      throw ProblemException.notFound("badge", id);
    }
    return Map.of("id", badge.id, "version", badge.version);
  }

  /** Someone else changes the badge between our read and our write. */
  @PUT
  @Path("/badges/{id}/holder")
  @Transactional
  public Map<String, Object> rename(@PathParam("id") UUID id, String holder) {
    Badge badge = em.find(Badge.class, id);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery("update test_badge set version = version + 1 where id = ?1")
                    .setParameter(1, id)
                    .executeUpdate());
    badge.holder = holder;
    em.flush();
    return Map.of("version", badge.version);
  }

  @PUT
  @Path("/badges/{id}/conditional-holder")
  @Transactional
  public Map<String, Object> renameIfUnchanged(
      @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, String holder) {
    long version = Etags.requiredVersion(ifMatch);
    return Map.of("version", version, "holder", holder);
  }

  /**
   * Locks row {@code first}, waits until the other request holds its own, then locks {@code
   * second}.
   */
  @POST
  @Path("/locks")
  @Transactional
  public Map<String, Object> lockBoth(
      @QueryParam("first") int first,
      @QueryParam("second") int second,
      @QueryParam("token") String token)
      throws Exception {
    int attempt = ATTEMPTS.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
    em.createNativeQuery("select value from test_lock where id = ?1 for update")
        .setParameter(1, first)
        .getSingleResult();
    if (attempt == 1) {
      BOTH_HOLD_ONE_LOCK.await(30, TimeUnit.SECONDS);
    }
    em.createNativeQuery("update test_lock set value = value + 1 where id = ?1")
        .setParameter(1, second)
        .executeUpdate();
    return Map.of("attempts", attempt);
  }

  /** PostgreSQL reports a deadlock every time: the retry cannot help. */
  @POST
  @Path("/always-deadlocked")
  @Transactional
  public void alwaysDeadlocked(@QueryParam("token") String token) {
    ATTEMPTS.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
    em.createNativeQuery(
            "do $$ begin raise exception 'deadlock drill' using errcode = '40P01'; end $$")
        .executeUpdate();
  }

  @GET
  @Path("/attempts/{token}")
  @Produces(MediaType.APPLICATION_JSON)
  public int attempts(@PathParam("token") String token) {
    AtomicInteger attempts = ATTEMPTS.get(token);
    return attempts == null ? 0 : attempts.get();
  }

  @GET
  @Path("/throttled")
  public String throttled() {
    throw new ProblemException(
        Problem.of(429, "too-many-requests", "Too many requests", "slow down")
            .with(ProblemResponse.RETRY_AFTER, 30));
  }
}
