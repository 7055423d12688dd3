package cn.gov.jingyang.ops.personnel.party;

import cn.gov.jingyang.ops.personnel.party.PartyApi.ApplicationView;
import cn.gov.jingyang.ops.personnel.party.PartyApi.MemberView;
import cn.gov.jingyang.ops.personnel.person.PersonCategory;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/** Memberships and applications: plain rows, queried as the political office asks. */
@ApplicationScoped
public class PartyRecords {

  private final Session em;

  public PartyRecords(Session em) {
    this.em = em;
  }

  /** What adding a member did to the branch. */
  public enum MembershipChange {
    ADDED,
    VANGUARD_CHANGED,
    UNCHANGED
  }

  /**
   * Adds a membership or changes its vanguard flag; UNCHANGED if the person already was a member
   * with the same flag.
   */
  public MembershipChange upsertMember(
      UUID branchId, UUID personId, boolean vanguard, LocalDate joinedOn) {
    List<?> rows =
        em.createNativeQuery(
                "insert into party_membership (branch_id, person_id, vanguard, joined_on) values (:b, :p, :v, :j)"
                    + " on conflict (branch_id, person_id) do update set vanguard = excluded.vanguard"
                    + " where party_membership.vanguard <> excluded.vanguard"
                    + " returning (xmax = 0)")
            .setParameter("b", branchId)
            .setParameter("p", personId)
            .setParameter("v", vanguard)
            .setParameter("j", joinedOn)
            .getResultList();
    if (rows.isEmpty()) {
      return MembershipChange.UNCHANGED;
    }
    // xmax = 0: the row was inserted, not updated
    return Boolean.TRUE.equals(rows.get(0))
        ? MembershipChange.ADDED
        : MembershipChange.VANGUARD_CHANGED;
  }

  public boolean removeMember(UUID branchId, UUID personId) {
    return em.createNativeQuery(
                "delete from party_membership where branch_id = :b and person_id = :p")
            .setParameter("b", branchId)
            .setParameter("p", personId)
            .executeUpdate()
        > 0;
  }

  public long[] counts(UUID branchId) {
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "select count(*), count(*) filter (where vanguard) from party_membership where branch_id = :b")
                .setParameter("b", branchId)
                .getSingleResult();
    return new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()};
  }

  public List<MemberView> members(UUID branchId, boolean vanguardOnly, PageRequest page) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select p.id, p.name, p.category, p.unit_id, p.party_status, m.vanguard, m.joined_on"
                    + " from party_membership m join person p on p.id = m.person_id where m.branch_id = :b"
                    + (vanguardOnly ? " and m.vanguard" : "")
                    + " order by p.name, p.id")
            .setParameter("b", branchId)
            .setFirstResult(page.offset())
            .setMaxResults(page.size())
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new MemberView(
                    (UUID) r[0],
                    (String) r[1],
                    PersonCategory.valueOf((String) r[2]),
                    (UUID) r[3],
                    PartyStatus.valueOf((String) r[4]),
                    (Boolean) r[5],
                    date(r[6])))
        .toList();
  }

  public long countMembers(UUID branchId, boolean vanguardOnly) {
    long[] c = counts(branchId);
    return vanguardOnly ? c[1] : c[0];
  }

  public void insertApplication(UUID id, UUID personId, LocalDate submittedOn, UUID branchId) {
    em.createNativeQuery(
            "insert into party_application (id, person_id, submitted_on, branch_id) values (:id, :p, :d, :b)")
        .setParameter("id", id)
        .setParameter("p", personId)
        .setParameter("d", submittedOn)
        .setParameter("b", branchId, UUID.class)
        .executeUpdate();
  }

  @SuppressWarnings("unchecked")
  public List<ApplicationView> applications(
      LocalDate from, LocalDate to, UUID branchId, PageRequest page) {
    var query =
        em.createNativeQuery(
            "select a.id, a.person_id, p.name, a.submitted_on, a.branch_id from party_application a"
                + " join person p on p.id = a.person_id"
                + applicationFilter(branchId)
                + " order by a.submitted_on, p.name, a.id");
    bind(query, from, to, branchId);
    List<Object[]> rows =
        query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
    return rows.stream()
        .map(
            r ->
                new ApplicationView(
                    (UUID) r[0], (UUID) r[1], (String) r[2], date(r[3]), (UUID) r[4]))
        .toList();
  }

  public long countApplications(LocalDate from, LocalDate to, UUID branchId) {
    var query =
        em.createNativeQuery(
            "select count(*) from party_application a" + applicationFilter(branchId));
    bind(query, from, to, branchId);
    return ((Number) query.getSingleResult()).longValue();
  }

  private static String applicationFilter(UUID branchId) {
    return " where a.submitted_on between :from and :to"
        + (branchId == null ? "" : " and a.branch_id = :b");
  }

  private static void bind(
      org.hibernate.query.NativeQuery<?> query, LocalDate from, LocalDate to, UUID branchId) {
    query.setParameter("from", from).setParameter("to", to);
    if (branchId != null) {
      query.setParameter("b", branchId);
    }
  }

  private static LocalDate date(Object o) {
    return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
  }
}
