package cn.gov.jingyang.ops.checkpoint.inspection;

import cn.gov.jingyang.ops.checkpoint.personnel.PersonReferences;
import cn.gov.jingyang.ops.platform.paging.LikePattern;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.time.DistrictDays;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InspectionRepository implements PanacheRepositoryBase<Inspection, UUID> {

  private final PersonalDataSealing sealing;

  public InspectionRepository(PersonalDataSealing sealing) {
    this.sealing = sealing;
  }

  /** Filters of the inspection list; null means "any". */
  public record Filter(
      UUID checkpointId,
      LocalDate from,
      LocalDate to,
      OccupantResult result,
      Boolean flagged,
      String plate,
      String idNumber) {}

  public Inspection require(UUID id) {
    return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("inspection", id));
  }

  public Optional<Inspection> findByClientRecordId(UUID clientRecordId) {
    return find("clientRecordId", clientRecordId).firstResultOptional();
  }

  /** The stored records among these client record ids, with their occupants, in one query. */
  public Map<UUID, Inspection> findByClientRecordIds(Collection<UUID> clientRecordIds) {
    Map<UUID, Inspection> found = new HashMap<>();
    if (clientRecordIds.isEmpty()) {
      return found;
    }
    getEntityManager()
        .createQuery(
            "select distinct i from Inspection i left join fetch i.occupants"
                + " where i.clientRecordId in :ids",
            Inspection.class)
        .setParameter("ids", clientRecordIds)
        .getResultList()
        .forEach(i -> found.put(i.clientRecordId(), i));
    return found;
  }

  /**
   * Inserts the record's header unless one with its client record id exists (or is being inserted
   * by a concurrent transaction, which this one then waits for). True if this call inserted it.
   */
  public boolean insertIfNew(
      UUID id,
      InspectionApi.InspectionRequest r,
      String plate,
      PersonReferences.Reference inspector,
      String recordedBy,
      int occupants,
      int flagged,
      int riskRulesVersion) {
    return getEntityManager()
            .createNativeQuery(
                "insert into inspection (id, client_record_id, checkpoint_id, inspected_at, day, direction, plate,"
                    + " vehicle_kind, inspector, recorded_by, occupant_count, flagged_count, risk_rules_version,"
                    + " created_at, inspector_id, inspector_agency)"
                    + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, now(), ?14, ?15)"
                    + " on conflict (client_record_id) do nothing")
            .setParameter(1, id)
            .setParameter(2, r.clientRecordId())
            .setParameter(3, r.checkpointId())
            .setParameter(4, r.inspectedAt())
            .setParameter(5, DistrictDays.dayOf(r.inspectedAt()))
            .setParameter(6, r.direction().name())
            .setParameter(7, plate)
            .setParameter(8, r.vehicleKind().name())
            .setParameter(9, inspector.name())
            .setParameter(10, recordedBy)
            .setParameter(11, occupants)
            .setParameter(12, flagged)
            .setParameter(13, riskRulesVersion)
            .setParameter(14, inspector.personId())
            .setParameter(15, inspector.agency())
            .executeUpdate()
        == 1;
  }

  public Page<Inspection> search(Filter f, PageRequest page) {
    List<String> where = new ArrayList<>();
    Parameters params = new Parameters();
    if (f.checkpointId() != null) {
      where.add("i.checkpointId = :checkpoint");
      params.and("checkpoint", f.checkpointId());
    }
    // days as time bounds, so the (checkpoint_id, inspected_at) index serves the range
    if (f.from() != null) {
      where.add("i.inspectedAt >= :from");
      params.and("from", DistrictDays.startOf(f.from()).atOffset(ZoneOffset.UTC));
    }
    if (f.to() != null) {
      where.add("i.inspectedAt < :to");
      params.and("to", DistrictDays.startOf(f.to().plusDays(1)).atOffset(ZoneOffset.UTC));
    }
    if (Boolean.TRUE.equals(f.flagged())) {
      where.add("i.flaggedCount > 0");
    } else if (Boolean.FALSE.equals(f.flagged())) {
      where.add("i.flaggedCount = 0");
    }
    if (f.result() != null) {
      where.add(
          "exists (select 1 from Occupant o where o.inspectionId = i.id and o.result = :result)");
      params.and("result", f.result());
    }
    if (f.idNumber() != null && !f.idNumber().isBlank()) {
      where.add(
          "exists (select 1 from Occupant o2 where o2.inspectionId = i.id"
              + " and o2.idNumberLookup = :idNumber)");
      // the column is sealed (different text each time): the keyed hash finds the number
      params.and("idNumber", sealing.lookup(NationalIdNumber.normalise(f.idNumber())));
    }
    if (f.plate() != null && !f.plate().isBlank()) {
      Optional<String> exact = PlateNumber.normalise(f.plate());
      if (exact.isPresent()) {
        where.add("i.plate = :plate");
        params.and("plate", exact.get());
      } else {
        where.add("i.plate like :plate " + LikePattern.ESCAPE);
        params.and(
            "plate", LikePattern.containing(f.plate().trim().toUpperCase().replace("·", "")));
      }
    }
    String query =
        "from Inspection i" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
    PanacheQuery<Inspection> q = find(query, Sort.descending("i.inspectedAt").and("i.id"), params);
    return new Page<>(q.page(page.panache()).list(), page.page(), page.size(), q.count());
  }
}
