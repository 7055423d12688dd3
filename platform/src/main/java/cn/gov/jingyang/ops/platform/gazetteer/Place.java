package cn.gov.jingyang.ops.platform.gazetteer;

/**
 * What a place name written by a person resolved to.
 *
 * @param resolution RESOLVED (a town of the district: {@code code}, {@code name}, {@code kind}
 *     set), OUTSIDE (somewhere else: {@code province}/{@code city} as written, when given) or
 *     UNRESOLVED (not recognised: only {@code text})
 * @param text the input, trimmed, as written
 */
public record Place(
    Resolution resolution,
    String code,
    String name,
    Town.Kind kind,
    String province,
    String city,
    String text) {

  public enum Resolution {
    RESOLVED,
    OUTSIDE,
    UNRESOLVED
  }

  static Place resolved(Town town, String text) {
    return new Place(Resolution.RESOLVED, town.code(), town.name(), town.kind(), null, null, text);
  }

  static Place outside(String province, String city, String text) {
    return new Place(Resolution.OUTSIDE, null, null, null, province, city, text);
  }

  static Place unresolved(String text) {
    return new Place(Resolution.UNRESOLVED, null, null, null, null, null, text);
  }

  public boolean isResolved() {
    return resolution == Resolution.RESOLVED;
  }
}
