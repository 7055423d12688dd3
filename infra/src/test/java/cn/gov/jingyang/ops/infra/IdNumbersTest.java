package cn.gov.jingyang.ops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Generated fictional ID numbers pass the services' check (GB 11643 check character, computed here
 * independently): the demo's, the benchmarks' and the system tests' people are accepted.
 */
class IdNumbersTest {

  @Test
  void theCheckCharacterIsIso7064Mod112() {
    // the example of contracts/imports (valid there)
    assertThat(IdNumbers.of("510603", LocalDate.of(1990, 1, 1), 123))
        .isEqualTo("510603199001011231");
    // a check value of 10 is written X
    assertThat(IdNumbers.of("110105", LocalDate.of(1949, 12, 31), 2))
        .isEqualTo("11010519491231002X");
  }

  @Test
  void theStoryNumbersAreDistinctAndValid() {
    Set<String> seen = new HashSet<>();
    for (int n = 0; n < 20_000; n++) {
      String id = IdNumbers.nth("420106", n);
      assertThat(id).hasSize(18).matches("[0-9]{17}[0-9X]");
      assertThat(valid(id)).as(id).isTrue();
      assertThat(seen.add(id)).as(id).isTrue();
      assertThat(valid(IdNumbers.random())).isTrue();
    }
  }

  @Test
  void theScannerFindsValidNumbersInClearAndNothingElse() {
    String text =
        "张三 510603199001011231 已核查; masked 510603********1231; wrong check 510603199001011232;"
            + " inside a longer run 15106031990010112310; X form 11010519491231002x, ok";
    assertThat(IdNumbers.inClear(text)).containsExactly("510603199001011231", "11010519491231002X");
    assertThat(IdNumbers.inClear("nothing here")).isEmpty();
  }

  @Test
  void runsOfDigitsWithTheRightCheckButNoRealBirthDateAreNotIdNumbers() {
    // the run CI once found in a gateway log: inside a trace id, check character right by chance
    assertThat(IdNumbers.complete("09606453119383723")).isEqualTo("096064531193837233");
    String accessLine =
        "GET /api/cases route=case status=200 trace=ab096064531193837233cdef01234567 requestId=x";
    assertThat(IdNumbers.inClear(accessLine)).isEmpty();
    // region group 9, a 13th month, 30 February, year 1899: each alone disqualifies
    assertThat(IdNumbers.inClear(IdNumbers.complete("91060319900101123"))).isEmpty();
    assertThat(IdNumbers.inClear(IdNumbers.complete("51060319901301123"))).isEmpty();
    assertThat(IdNumbers.inClear(IdNumbers.complete("51060319900230123"))).isEmpty();
    assertThat(IdNumbers.inClear(IdNumbers.complete("51060318991231123"))).isEmpty();
    // while the same number with a real date, in the same trace-like context, is found
    assertThat(IdNumbers.inClear("trace=ab510603199001011231cd"))
        .containsExactly("510603199001011231");
  }

  private static boolean valid(String id) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id.charAt(i) - '0') * weights[i];
    }
    return "10X98765432".charAt(sum % 11) == id.charAt(17);
  }
}
