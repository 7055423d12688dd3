package cn.gov.jingyang.ops.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonalDataViewerTest {

  private static PersonalDataViewer viewerWith(String... roles) {
    return new PersonalDataViewer(
        QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("someone"))
            .addRoles(Set.of(roles))
            .build());
  }

  /** The table in README's Security section: role, ID numbers in clear, phones in clear. */
  private static final Map<String, List<Boolean>> TABLE =
      Map.of(
          Roles.COMMAND, List.of(true, true),
          Roles.CHECKPOINT_OFFICER, List.of(true, true),
          Roles.STATION_OFFICER, List.of(true, true),
          Roles.INVESTIGATOR, List.of(true, true),
          Roles.PERSONNEL_ADMIN, List.of(false, true),
          Roles.PROVINCIAL_PLATFORM, List.of(false, false),
          Roles.AUDITOR, List.of(false, false));

  @Test
  void shouldShowIdNumbersAndPhonesInClearOnlyToTheRolesThatNeedThem() {
    assertThat(TABLE.keySet()).containsExactlyInAnyOrderElementsOf(Roles.ALL);
    TABLE.forEach(
        (role, clear) -> {
          PersonalDataViewer viewer = viewerWith(role);
          assertThat(viewer.idNumber("510603199001011234"))
              .as(role)
              .isEqualTo(clear.get(0) ? "510603199001011234" : "510603********1234");
          assertThat(viewer.phone("13812345678"))
              .as(role)
              .isEqualTo(clear.get(1) ? "13812345678" : "138****5678");
          assertThat(viewer.text("510603199001011234 call 13812345678"))
              .as(role)
              .isEqualTo(
                  (clear.get(0) ? "510603199001011234" : "510603********1234")
                      + " call "
                      + (clear.get(1) ? "13812345678" : "138****5678"));
        });
  }

  @Test
  void shouldShowInClearWhenAnyOfTheCallersRolesMay() {
    assertThat(viewerWith(Roles.AUDITOR, Roles.COMMAND).seesPersonalData()).isTrue();
    assertThat(viewerWith(Roles.AUDITOR, Roles.PERSONNEL_ADMIN).seesPersonalData()).isFalse();
    assertThat(viewerWith().seesPersonalData()).isFalse();
  }

  @Test
  void shouldRefuseASearchByIdNumberFromARoleThatMayNotSeeOneNamingTheParameter() {
    assertThatThrownBy(
            () -> viewerWith(Roles.AUDITOR).requireMaySearchByIdNumber("idNumber", "5106"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().getStatus()).isEqualTo(403);
              assertThat(e.problem().getErrors())
                  .extracting(f -> f.field())
                  .containsExactly("idNumber");
            });
    viewerWith(Roles.AUDITOR).requireMaySearchByIdNumber("idNumber", null);
    viewerWith(Roles.CHECKPOINT_OFFICER)
        .requireMaySearchByIdNumber("idNumber", "510603199001011234");
  }

  @Test
  void shouldRefuseAFreeTextSearchHoldingAnIdNumberOrPhoneOnlyFromARoleThatMayNotSeeThem() {
    PersonalDataViewer auditor = viewerWith(Roles.AUDITOR);
    auditor.requireMaySearchText("q", "孝泉");
    assertThatThrownBy(() -> auditor.requireMaySearchText("q", "510603199001011234"))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> auditor.requireMaySearchText("q", "13812345678"))
        .isInstanceOf(ProblemException.class);
    viewerWith(Roles.INVESTIGATOR).requireMaySearchText("q", "510603199001011234");
    viewerWith(Roles.PERSONNEL_ADMIN).requireMaySearchText("q", "13812345678");
    assertThatThrownBy(
            () -> viewerWith(Roles.PERSONNEL_ADMIN).requireMaySearchText("q", "510603199001011234"))
        .isInstanceOf(ProblemException.class);
  }
}
