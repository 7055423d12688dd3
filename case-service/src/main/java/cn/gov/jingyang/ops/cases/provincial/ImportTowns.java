package cn.gov.jingyang.ops.cases.provincial;

import cn.gov.jingyang.ops.platform.gazetteer.Gazetteer;
import cn.gov.jingyang.ops.platform.gazetteer.Place;
import cn.gov.jingyang.ops.platform.gazetteer.Town;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gazetteer code of a list's town: a code (510603-T10) or a name/alias (孝泉镇, 孝泉). A town that
 * does not resolve is no error: the task goes to the district queue (unroutable). Lists repeat few
 * town spellings, so resolutions are remembered (a bounded number of them).
 */
@ApplicationScoped
public class ImportTowns {

  private static final int REMEMBERED = 10_000;
  private static final String NONE = "";

  private final Gazetteer gazetteer;
  private final Map<String, String> known = new ConcurrentHashMap<>();

  public ImportTowns(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** The code, or null when the town is missing, unknown or outside the district. */
  public String codeOf(String town) {
    if (town == null) {
      return null;
    }
    String code = known.get(town);
    if (code == null) {
      code = resolve(town).map(Town::code).orElse(NONE);
      if (known.size() < REMEMBERED) {
        known.put(town, code);
      }
    }
    return code.isEmpty() ? null : code;
  }

  private Optional<Town> resolve(String town) {
    return gazetteer
        .town(town)
        .or(
            () -> {
              Place place = gazetteer.resolve(town);
              return place.isResolved() ? gazetteer.town(place.code()) : Optional.empty();
            });
  }
}
