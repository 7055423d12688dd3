package cn.gov.jingyang.ops.platform.gazetteer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The towns and subdistricts of Jingyang district (contracts/gazetteer/jingyang.json, on every
 * service's classpath through platform), and the resolution of a written place name to one of them.
 *
 * <p>Resolution normalises the text (trim, full-width to half-width, white space removed), drops an
 * optional 四川省 / 德阳市 / 旌阳区 prefix (in either script), then matches the aliases of the gazetteer,
 * which carry the simplified, traditional and short forms: the whole remaining text equal to an
 * alias, or starting with a full name ending in 镇/街道/乡 ("孝泉镇民主村3组"). Text naming another province,
 * another city or another county is OUTSIDE; anything else is UNRESOLVED. Never throws for any
 * input.
 */
public final class Gazetteer {

  /** The classpath resource every service reads. */
  public static final String RESOURCE = "gazetteer/jingyang.json";

  private static final Pattern ADMIN_SEGMENT =
      Pattern.compile("^(\\p{IsHan}{1,8}?(?:自治州|地区|地區|市|州|盟|县|縣|区|區))");
  private static final Pattern PROVINCE_SUFFIX =
      Pattern.compile("^(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)");

  private final String districtCode;
  private final List<Town> towns;
  private final Map<String, Town> byCode = new HashMap<>();
  private final List<Map.Entry<String, Town>> aliases = new ArrayList<>();
  private final List<String> provincePrefixes;
  private final List<String> cityPrefixes;
  private final List<String> districtPrefixes;
  private final List<String> otherProvinces = new ArrayList<>();

  private Gazetteer(File file) {
    this.districtCode = file.district().code();
    this.towns =
        file.places().stream()
            .map(p -> new Town(p.code(), p.name(), p.kind(), p.aliases()))
            .toList();
    this.provincePrefixes = longestFirst(file.province().aliases());
    this.cityPrefixes = longestFirst(file.city().aliases());
    this.districtPrefixes = longestFirst(file.district().aliases());
    for (Town town : towns) {
      byCode.put(town.code(), town);
      for (String alias : town.aliases()) {
        aliases.add(Map.entry(normalise(alias), town));
      }
    }
    aliases.sort(
        Comparator.comparingInt((Map.Entry<String, Town> e) -> e.getKey().length()).reversed());
    file.provinces().forEach(otherProvinces::addAll);
    otherProvinces.sort(Comparator.comparingInt(String::length).reversed());
  }

  /** The gazetteer on the classpath ({@link #RESOURCE}). */
  public static Gazetteer load() {
    try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A gazetteer read from a file of the format of contracts/gazetteer/jingyang.json. */
  public static Gazetteer read(InputStream json) throws IOException {
    return new Gazetteer(new ObjectMapper().readValue(json, File.class));
  }

  /** 510603. */
  public String districtCode() {
    return districtCode;
  }

  /** Every town and subdistrict, in the file's order. */
  public List<Town> towns() {
    return towns;
  }

  /** The town with this code, if the gazetteer knows it (to validate codes sent by clients). */
  public Optional<Town> town(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code.trim()));
  }

  /** What a place name written by a person resolves to; never throws. */
  public Place resolve(String text) {
    String written = text == null ? "" : text.strip();
    String rest = normalise(written);
    if (rest.isEmpty()) {
      return Place.unresolved(written);
    }
    String province = null;
    String city = null;
    String p = prefix(rest, provincePrefixes);
    if (p != null) {
      province = p;
      rest = rest.substring(p.length());
    } else {
      String other = prefix(rest, otherProvinces);
      if (other != null) {
        Matcher suffix = PROVINCE_SUFFIX.matcher(rest.substring(other.length()));
        String name = suffix.find() ? other + suffix.group(1) : other;
        Matcher segment = ADMIN_SEGMENT.matcher(rest.substring(name.length()));
        return Place.outside(name, segment.find() ? segment.group(1) : null, written);
      }
    }
    String c = prefix(rest, cityPrefixes);
    if (c != null) {
      city = c;
      rest = rest.substring(c.length());
    }
    String d = prefix(rest, districtPrefixes);
    if (d != null) {
      rest = rest.substring(d.length());
    }
    Optional<Town> town = match(rest);
    if (town.isPresent()) {
      return Place.resolved(town.get(), written);
    }
    if (d == null) {
      Matcher segment = ADMIN_SEGMENT.matcher(rest);
      if (segment.find()) {
        // another city (成都市), or another county of the city (中江县, 广汉市)
        return Place.outside(province, city != null ? city : segment.group(1), written);
      }
    }
    return Place.unresolved(written);
  }

  private Optional<Town> match(String rest) {
    for (Map.Entry<String, Town> alias : aliases) {
      String a = alias.getKey();
      if (rest.equals(a) || (rest.startsWith(a) && isFullName(a))) {
        return Optional.of(alias.getValue());
      }
    }
    return Optional.empty();
  }

  private static boolean isFullName(String alias) {
    return alias.endsWith("镇")
        || alias.endsWith("鎮")
        || alias.endsWith("街道")
        || alias.endsWith("乡")
        || alias.endsWith("鄉")
        || alias.endsWith("办事处")
        || alias.endsWith("辦事處");
  }

  private static String prefix(String text, List<String> candidates) {
    for (String candidate : candidates) {
      if (text.startsWith(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static List<String> longestFirst(List<String> names) {
    return names.stream()
        .map(Gazetteer::normalise)
        .sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }

  /** Full-width to half-width (NFKC), all white space removed. */
  static String normalise(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "");
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record File(
      Named province,
      Named city,
      Named district,
      List<FilePlace> places,
      List<List<String>> provinces) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Named(String code, String name, List<String> aliases) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record FilePlace(String code, String name, Town.Kind kind, List<String> aliases) {}
}
