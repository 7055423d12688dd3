package cn.gov.jingyang.ops.personnel.unit;

import cn.gov.jingyang.ops.platform.gazetteer.Gazetteer;
import cn.gov.jingyang.ops.platform.gazetteer.Place;
import cn.gov.jingyang.ops.platform.gazetteer.Town;
import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of town coverage: a town is named by gazetteer code or by any name or alias of it, and
 * has exactly one primary station at a time.
 */
@ApplicationScoped
public class TownCoverage {

  private final Gazetteer gazetteer;
  private final UnitRepository units;

  public TownCoverage(Gazetteer gazetteer, UnitRepository units) {
    this.gazetteer = gazetteer;
    this.units = units;
  }

  /** The town a code or written name stands for, if it is one of the district's. */
  public Optional<CoveredTown> find(String codeOrName) {
    Optional<Town> byCode = gazetteer.town(codeOrName);
    if (byCode.isPresent()) {
      return byCode.map(CoveredTown::of);
    }
    Place place = gazetteer.resolve(codeOrName);
    return place.isResolved()
        ? Optional.of(new CoveredTown(place.code(), place.name()))
        : Optional.empty();
  }

  /** The town, or 422 naming {@code field}. */
  public CoveredTown require(String field, String codeOrName) {
    return find(codeOrName)
        .orElseThrow(
            () ->
                ProblemException.unprocessable(
                    field,
                    "'"
                        + codeOrName
                        + "' is not a town or subdistrict of Jingyang district ("
                        + gazetteer.districtCode()
                        + "); use a gazetteer code or name"));
  }

  /** Every entry resolved; an unknown one is 422 naming its position ({@code towns[1]}). */
  public List<CoveredTown> requireAll(String field, List<String> codesOrNames) {
    List<CoveredTown> out = new ArrayList<>();
    for (int i = 0; i < codesOrNames.size(); i++) {
      out.add(require(field + "[" + i + "]", codesOrNames.get(i)));
    }
    return out;
  }

  /** 409 if another station is the primary station of one of these towns. */
  public void refuseClaimedElsewhere(Unit station, List<CoveredTown> towns) {
    for (CoveredTown town : towns) {
      units
          .primaryStationOf(town.code())
          .filter(current -> !current.id().equals(station.id()))
          .ifPresent(current -> throwClaimed(town, current));
    }
  }

  /** A town another station covers: 409 naming the town and the station. */
  static void throwClaimed(CoveredTown town, Unit current) {
    throw new ProblemException(
        Problem.of(
                409,
                "town-already-covered",
                "Conflict",
                town.name()
                    + " ("
                    + town.code()
                    + ") is covered by "
                    + current.name()
                    + " ("
                    + current.code()
                    + "); it must release the town first, or move it with POST"
                    + " /units/coverage/transfers")
            .with("town", Map.of("code", town.code(), "name", town.name()))
            .with(
                "currentStation",
                Map.of("id", current.id(), "code", current.code(), "name", current.name())));
  }

  /** A claim lost at the unique index to a concurrent claim. */
  static ProblemException claimedMeanwhile(List<CoveredTown> towns) {
    return ProblemException.conflict(
        "town-already-covered",
        "another station claimed one of "
            + towns.stream().map(t -> t.name() + " (" + t.code() + ")").toList()
            + " meanwhile; read GET /units/coverage?town= and retry");
  }
}
