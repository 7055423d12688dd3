package cn.gov.jingyang.ops.platform.pii;

import cn.gov.jingyang.ops.platform.audit.Disclosures;
import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * The one rule, in every service, for what the caller sees of personal data and what they may
 * search by. The roles that act on a person — stop them at the barrier, visit their home, work
 * their case, direct the follow-up — see national ID numbers and phones in clear. The personnel
 * office sees phones in clear (it keeps the staff roster, phones included: a person's record is
 * replaced whole) but ID numbers masked. Audit and the provincial platform see both masked. Masks
 * are {@link PersonalData}'s. A role that may not see an ID number (or phone) may not search by one
 * either: that search is refused with 403 naming the parameter, since an answer would confirm the
 * number. README, Security, has the table.
 *
 * <p>Every value it returns in clear, and every search by an ID number or phone it allows, is noted
 * in the request's {@link Disclosures}: the platform's audit filter records the request in the
 * audit trail before the answer leaves.
 */
@RequestScoped
public class PersonalDataViewer {

  /** Roles that see national ID numbers in clear. */
  public static final Set<String> SEE_ID_NUMBERS =
      Set.of(Roles.COMMAND, Roles.CHECKPOINT_OFFICER, Roles.STATION_OFFICER, Roles.INVESTIGATOR);

  /** Roles that see phone numbers in clear. */
  public static final Set<String> SEE_PHONES =
      Set.of(
          Roles.COMMAND,
          Roles.CHECKPOINT_OFFICER,
          Roles.STATION_OFFICER,
          Roles.INVESTIGATOR,
          Roles.PERSONNEL_ADMIN);

  private final SecurityIdentity identity;
  private final Disclosures disclosures;

  @Inject
  public PersonalDataViewer(SecurityIdentity identity, Disclosures disclosures) {
    this.identity = identity;
    this.disclosures = disclosures;
  }

  /** A viewer whose disclosures are noted nowhere else (outside a request). */
  public PersonalDataViewer(SecurityIdentity identity) {
    this(identity, new Disclosures());
  }

  /** The token's subject: the author of what this request records. */
  public String name() {
    return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
  }

  public boolean seesIdNumbers() {
    return holdsOneOf(SEE_ID_NUMBERS);
  }

  public boolean seesPhones() {
    return holdsOneOf(SEE_PHONES);
  }

  /** Sees ID numbers and phones in clear. */
  public boolean seesPersonalData() {
    return seesIdNumbers() && seesPhones();
  }

  public String idNumber(String value) {
    if (!seesIdNumbers()) {
      return PersonalData.maskIdNumber(value);
    }
    noteIf(value != null && !value.isBlank(), Disclosures.ID_NUMBER);
    return value;
  }

  public String phone(String value) {
    if (!seesPhones()) {
      return PersonalData.maskPhone(value);
    }
    noteIf(value != null && !value.isBlank(), Disclosures.PHONE);
    return value;
  }

  /** Free text with any ID number or phone in it masked where this caller may not see it. */
  public String text(String value) {
    String ids;
    if (seesIdNumbers()) {
      noteIf(PersonalData.holdsIdNumber(value), Disclosures.ID_NUMBER);
      ids = value;
    } else {
      ids = PersonalData.maskIdNumbersIn(value);
    }
    if (seesPhones()) {
      noteIf(PersonalData.holdsPhone(ids), Disclosures.PHONE);
      return ids;
    }
    return PersonalData.maskPhonesIn(ids);
  }

  /** A search by ID number: refused (403 naming the parameter) unless the caller sees them. */
  public void requireMaySearchByIdNumber(String parameter, String value) {
    if (value != null && !value.isBlank()) {
      if (!seesIdNumbers()) {
        throw refused(parameter);
      }
      disclosures.note(Disclosures.ID_NUMBER_SEARCH);
    }
  }

  /**
   * A free-text search: refused (403 naming the parameter) when the text holds an ID number or a
   * phone the caller may not see.
   */
  public void requireMaySearchText(String parameter, String value) {
    if ((!seesIdNumbers() && PersonalData.holdsIdNumber(value))
        || (!seesPhones() && PersonalData.holdsPhone(value))) {
      throw refused(parameter);
    }
    noteIf(PersonalData.holdsIdNumber(value), Disclosures.ID_NUMBER_SEARCH);
    noteIf(PersonalData.holdsPhone(value), Disclosures.PHONE_SEARCH);
  }

  private void noteIf(boolean disclosed, String field) {
    if (disclosed) {
      disclosures.note(field);
    }
  }

  private boolean holdsOneOf(Set<String> roles) {
    return !identity.isAnonymous() && roles.stream().anyMatch(identity::hasRole);
  }

  static ProblemException refused(String parameter) {
    String message = "your role sees this personal data masked, so it may not search by it";
    return new ProblemException(
        new Problem(
            "personal-data-search",
            "Forbidden",
            403,
            parameter + ": " + message,
            List.of(new Problem.FieldError(parameter, message))));
  }
}
