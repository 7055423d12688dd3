package cn.gov.jingyang.ops.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jingyang.ops.platform.pii.PersonalDataViewer;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What PersonalDataViewer notes for the audit trail: exactly what it showed in clear. */
class DisclosuresTest {

  private static PersonalDataViewer viewer(Disclosures disclosures, String... roles) {
    return new PersonalDataViewer(
        QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("someone"))
            .addRoles(Set.of(roles))
            .build(),
        disclosures);
  }

  @Test
  void shouldNoteWhatWasShownInClearAndNothingMasked() {
    Disclosures clear = new Disclosures();
    PersonalDataViewer investigator = viewer(clear, Roles.INVESTIGATOR);
    investigator.text("seen at the barrier, no number here");
    investigator.idNumber(null);
    assertThat(clear.any()).isFalse();
    investigator.text("call 13812345678");
    assertThat(clear.fields()).containsExactly(Disclosures.PHONE);
    investigator.idNumber("510603199001011234");
    assertThat(clear.fields()).containsExactly(Disclosures.ID_NUMBER, Disclosures.PHONE);

    Disclosures masked = new Disclosures();
    PersonalDataViewer auditor = viewer(masked, Roles.AUDITOR);
    auditor.idNumber("510603199001011234");
    auditor.phone("13812345678");
    auditor.text("510603199001011234 call 13812345678");
    auditor.requireMaySearchText("q", "张三");
    assertThat(masked.any()).isFalse();
    assertThatThrownBy(() -> auditor.requireMaySearchByIdNumber("idNumber", "510603199001011234"))
        .isInstanceOf(ProblemException.class);
    assertThat(masked.any()).isFalse();
  }

  @Test
  void shouldNoteSearchesByIdNumberOrPhone() {
    Disclosures disclosures = new Disclosures();
    PersonalDataViewer command = viewer(disclosures, Roles.COMMAND);
    command.requireMaySearchByIdNumber("idNumber", " ");
    command.requireMaySearchText("q", "张三");
    assertThat(disclosures.any()).isFalse();
    command.requireMaySearchText("q", "13812345678");
    assertThat(disclosures.fields()).containsExactly(Disclosures.PHONE_SEARCH);
    command.requireMaySearchByIdNumber("idNumber", "510603199001011234");
    assertThat(disclosures.fields())
        .containsExactly(Disclosures.ID_NUMBER_SEARCH, Disclosures.PHONE_SEARCH);
  }
}
