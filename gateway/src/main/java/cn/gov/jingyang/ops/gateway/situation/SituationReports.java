package cn.gov.jingyang.ops.gateway.situation;

import cn.gov.jingyang.ops.gateway.routing.RoutesConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the report together: asks the three services for their sections at the same time and waits
 * for all three, each at most its route's timeout, so the report takes as long as the slowest
 * section, never longer than the longest timeout.
 */
@ApplicationScoped
public class SituationReports {

  private final Optional<SectionSource> checkpoint;
  private final Optional<SectionSource> cases;
  private final Optional<SectionSource> personnel;

  public SituationReports(
      Vertx vertx, RoutesConfig routes, SituationConfig config, ObjectMapper mapper) {
    this.checkpoint = source(vertx, routes, config.checkpointRoute(), mapper);
    this.cases = source(vertx, routes, config.caseRoute(), mapper);
    this.personnel = source(vertx, routes, config.personnelRoute(), mapper);
  }

  private static Optional<SectionSource> source(
      Vertx vertx, RoutesConfig routes, String route, ObjectMapper mapper) {
    return Optional.ofNullable(routes.routes().get(route))
        .map(r -> new SectionSource(vertx, route, r, mapper));
  }

  /** The report of a day; {@code headers} (the caller's token, request id) go to every service. */
  public Uni<SituationReport> of(LocalDate date, Map<String, String> headers) {
    Future<ObjectNode> c = fetch(checkpoint, date, headers);
    Future<ObjectNode> k = fetch(cases, date, headers);
    Future<ObjectNode> p = fetch(personnel, date, headers);
    return Uni.createFrom()
        .completionStage(
            Future.all(c, k, p)
                .map(
                    all ->
                        new SituationReport(
                            date,
                            OffsetDateTime.now(ZoneOffset.UTC),
                            c.result(),
                            k.result(),
                            p.result()))
                .toCompletionStage());
  }

  private static Future<ObjectNode> fetch(
      Optional<SectionSource> source, LocalDate date, Map<String, String> headers) {
    return source
        .map(s -> s.fetch(date.toString(), headers))
        .orElseGet(SectionSource::unconfigured);
  }

  @PreDestroy
  void close() {
    checkpoint.ifPresent(SectionSource::close);
    cases.ifPresent(SectionSource::close);
    personnel.ifPresent(SectionSource::close);
  }
}
