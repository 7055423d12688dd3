package cn.gov.jingyang.ops.platform.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the current request disclosed of personal data: the fields {@link
 * cn.gov.jingyang.ops.platform.pii.PersonalDataViewer} returned in clear, and the searches by an ID
 * number or phone it allowed. {@link AuditFilter} writes them to the audit trail when the request
 * ends.
 */
@RequestScoped
public class Disclosures {

  /** A full national ID number in the answer. */
  public static final String ID_NUMBER = "id_number";

  /** A full phone number in the answer. */
  public static final String PHONE = "phone";

  /** A search by national ID number (an answer confirms the number). */
  public static final String ID_NUMBER_SEARCH = "id_number_search";

  /** A search by phone number. */
  public static final String PHONE_SEARCH = "phone_search";

  private final Set<String> fields = new TreeSet<>();

  public void note(String field) {
    fields.add(field);
  }

  public boolean any() {
    return !fields.isEmpty();
  }

  /** The fields disclosed, in a stable order. */
  public List<String> fields() {
    return List.copyOf(fields);
  }
}
