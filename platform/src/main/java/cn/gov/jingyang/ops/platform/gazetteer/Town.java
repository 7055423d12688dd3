package cn.gov.jingyang.ops.platform.gazetteer;

import java.util.List;

/** A town (镇) or subdistrict (街道) of Jingyang district, as listed in the gazetteer. */
public record Town(String code, String name, Kind kind, List<String> aliases) {

  public enum Kind {
    /** 街道 */
    SUBDISTRICT,
    /** 镇 */
    TOWN,
    /** 乡 */
    TOWNSHIP
  }

  public Town {
    aliases = List.copyOf(aliases);
  }
}
