package cn.gov.jingyang.ops.checkpoint.inspection;

import cn.gov.jingyang.ops.checkpoint.risk.RiskReason;
import cn.gov.jingyang.ops.checkpoint.risk.Symptom;
import cn.gov.jingyang.ops.platform.gazetteer.Place;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person in an inspected vehicle (or on foot), with the officer's result and the risk flag. The
 * national ID number and the phone are kept sealed ({@link PersonalDataSealing}): the entity holds
 * the sealed text the row holds, and the ID number's keyed hash for the search by ID number; {@link
 * #idNumber(PersonalDataSealing)} and {@link #phone(PersonalDataSealing)} open them.
 */
@Entity
@Table(name = "occupant")
public class Occupant {

  @Id private UUID id;

  @Column(name = "inspection_id")
  private UUID inspectionId;

  private int position;
  private String name;

  /** Sealed; clear only in a row stored before sealing that the Resealer has not converted yet. */
  @Column(name = "id_number")
  private String idNumber;

  @Column(name = "id_number_lookup")
  private String idNumberLookup;

  /** Sealed, as {@link #idNumber}. */
  private String phone;

  @Column(name = "origin_province")
  private String originProvince;

  @Column(name = "origin_city")
  private String originCity;

  @Column(name = "stayed_in_risk_area")
  private boolean stayedInRiskArea;

  private BigDecimal temperature;

  @JdbcTypeCode(SqlTypes.JSON)
  private List<Symptom> symptoms;

  @Column(name = "destination_town")
  private String destinationTown;

  @Column(name = "destination_town_code")
  private String destinationTownCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "destination_town_resolution")
  private Place.Resolution destinationTownResolution;

  @Column(name = "destination_address")
  private String destinationAddress;

  @Enumerated(EnumType.STRING)
  private OccupantResult result;

  private boolean flagged;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "flag_reasons")
  private List<RiskReason> flagReasons;

  protected Occupant() {}

  /**
   * An occupant as recorded; flagged exactly when the risk rules gave reasons. The destination town
   * is kept as written, with the gazetteer's code when it resolved; the ID number and phone are
   * sealed here, once.
   */
  public static Occupant of(
      UUID inspectionId,
      int position,
      InspectionApi.OccupantRequest r,
      List<RiskReason> reasons,
      Place destination,
      PersonalDataSealing sealing) {
    Occupant o = new Occupant();
    o.id = UUID.randomUUID();
    o.inspectionId = inspectionId;
    o.position = position;
    o.name = r.name().trim();
    String idNumber = NationalIdNumber.normalise(r.idNumber());
    o.idNumber = sealing.seal(idNumber);
    o.idNumberLookup = sealing.lookup(idNumber);
    o.phone = r.phone() == null ? null : sealing.seal(r.phone().trim());
    o.originProvince = r.originProvince().trim();
    o.originCity = r.originCity() == null ? null : r.originCity().trim();
    o.stayedInRiskArea = r.stayedInRiskArea();
    // as the column numeric(3,1) keeps it
    o.temperature =
        r.temperature() == null ? null : r.temperature().setScale(1, RoundingMode.HALF_UP);
    o.symptoms = r.symptoms() == null ? List.of() : List.copyOf(r.symptoms());
    o.destinationTown = r.destinationTown().trim();
    o.destinationTownCode = destination.code();
    o.destinationTownResolution = destination.resolution();
    o.destinationAddress = r.destinationAddress().trim();
    o.result = r.result();
    o.flagReasons = List.copyOf(reasons);
    o.flagged = !reasons.isEmpty();
    return o;
  }

  public UUID id() {
    return id;
  }

  public UUID inspectionId() {
    return inspectionId;
  }

  public int position() {
    return position;
  }

  public String name() {
    return name;
  }

  /** The ID number in clear. */
  public String idNumber(PersonalDataSealing sealing) {
    return sealing.open(idNumber);
  }

  /** The ID number as stored: sealed. */
  public String sealedIdNumber() {
    return idNumber;
  }

  /** The ID number's keyed hash: what the search by ID number compares. */
  public String idNumberLookup() {
    return idNumberLookup;
  }

  /** The phone in clear; null when none was given. */
  public String phone(PersonalDataSealing sealing) {
    return sealing.open(phone);
  }

  /** The phone as stored: sealed. */
  public String sealedPhone() {
    return phone;
  }

  public String originProvince() {
    return originProvince;
  }

  public String originCity() {
    return originCity;
  }

  public boolean stayedInRiskArea() {
    return stayedInRiskArea;
  }

  public BigDecimal temperature() {
    return temperature;
  }

  public List<Symptom> symptoms() {
    return symptoms == null ? List.of() : List.copyOf(symptoms);
  }

  public String destinationTown() {
    return destinationTown;
  }

  /** The gazetteer's code of the destination town; null when it did not resolve. */
  public String destinationTownCode() {
    return destinationTownCode;
  }

  /** RESOLVED, OUTSIDE or UNRESOLVED; null for records made before towns were resolved. */
  public Place.Resolution destinationTownResolution() {
    return destinationTownResolution;
  }

  /** The officer decided on home quarantine or referral to health: a follow-up is needed. */
  public boolean needsFollowUp() {
    return result == OccupantResult.HOME_QUARANTINE || result == OccupantResult.REFERRED_TO_HEALTH;
  }

  public String destinationAddress() {
    return destinationAddress;
  }

  public OccupantResult result() {
    return result;
  }

  public boolean flagged() {
    return flagged;
  }

  public List<RiskReason> flagReasons() {
    return flagReasons == null ? List.of() : List.copyOf(flagReasons);
  }
}
