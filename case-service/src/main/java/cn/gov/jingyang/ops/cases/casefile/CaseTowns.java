package cn.gov.jingyang.ops.cases.casefile;

import cn.gov.jingyang.ops.platform.gazetteer.Gazetteer;
import cn.gov.jingyang.ops.platform.gazetteer.Place;
import cn.gov.jingyang.ops.platform.gazetteer.Town;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Where a case happened: a town of the district, by gazetteer code or by a name of it. */
@ApplicationScoped
public class CaseTowns {

  private final Gazetteer gazetteer;

  public CaseTowns(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** A gazetteer code (510603-T10) or a name/alias (孝泉镇, 孝泉); else 422 naming {@code town}. */
  public Town require(String text) {
    return gazetteer
        .town(text)
        .or(
            () -> {
              Place place = gazetteer.resolve(text);
              return place.isResolved() ? gazetteer.town(place.code()) : Optional.empty();
            })
        .orElseThrow(
            () ->
                ProblemException.unprocessable(
                    "town",
                    "not a town of Jingyang district: send a gazetteer code (510603-T10) or its"
                        + " name (孝泉镇), see contracts/gazetteer/jingyang.json"));
  }

  /** The town of a code, if the gazetteer knows it. */
  public Optional<Town> byCode(String code) {
    return gazetteer.town(code);
  }
}
