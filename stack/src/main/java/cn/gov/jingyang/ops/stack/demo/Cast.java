package cn.gov.jingyang.ops.stack.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The bureau's units and people: the article's roles with fictional names (none is the name of a
 * person in the article), and the checkpoint teams around them.
 */
final class Cast {

  record Unit(String code, String name, String kind, String parent, List<String> towns) {}

  record Person(
      String key,
      String category,
      String name,
      String unit,
      String position,
      String badge,
      List<String> qualifications) {}

  static final List<Unit> UNITS =
      List.of(
          new Unit("JY-BUREAU", "德陽市公安局旌陽區分局", "BUREAU", null, List.of()),
          new Unit("BR-XJ", "刑警大隊", "BRIGADE", "JY-BUREAU", List.of()),
          new Unit("BR-ZA", "治安大隊", "BRIGADE", "JY-BUREAU", List.of()),
          new Unit("BR-JJ", "交警大隊", "BRIGADE", "JY-BUREAU", List.of()),
          new Unit("BR-TXJ", "特巡警大隊", "BRIGADE", "JY-BUREAU", List.of()),
          new Unit("BR-FZ", "法制大隊", "BRIGADE", "JY-BUREAU", List.of()),
          new Unit("BR-WA", "網安大隊", "BRIGADE", "JY-BUREAU", List.of()),
          new Unit("PS-HX", "黃許派出所", "POLICE_STATION", "JY-BUREAU", List.of("黄许镇")),
          new Unit("PS-XQ", "孝泉派出所", "POLICE_STATION", "JY-BUREAU", List.of("孝泉镇")),
          new Unit("PS-BL", "柏隆派出所", "POLICE_STATION", "JY-BUREAU", List.of("柏隆镇")),
          new Unit("PS-TY", "天元派出所", "POLICE_STATION", "JY-BUREAU", List.of("天元街道")),
          new Unit("PS-CB", "城北派出所", "POLICE_STATION", "JY-BUREAU", List.of("城北街道")),
          new Unit("PS-DX", "德新派出所", "POLICE_STATION", "JY-BUREAU", List.of("德新镇")),
          new Unit("EXT-JT", "旌陽區交通運輸局", "EXTERNAL_DEPARTMENT", null, List.of()),
          new Unit("EXT-WJ", "旌陽區衛生健康局", "EXTERNAL_DEPARTMENT", null, List.of()),
          new Unit("EXT-SJ", "旌陽區市場監督管理局", "EXTERNAL_DEPARTMENT", null, List.of()),
          new Unit("EXT-ZYZ", "旌陽區志願者協會", "EXTERNAL_DEPARTMENT", null, List.of()));

  /** The article's roles, fictional names. */
  static final List<Person> ROLES =
      List.of(
          police("chief", "周正平", "JY-BUREAU", "局長、黨委書記", "051001"),
          police("deputy", "唐建國", "JY-BUREAU", "副局長（分管四個主要卡點）", "051002"),
          police("commissar", "范文博", "JY-BUREAU", "副政委", "051003"),
          police("hx-chief", "蔣志強", "PS-HX", "所長、黨支部書記", "051101"),
          police("xj-instructor", "彭海濤", "BR-XJ", "教導員、黨支部副書記", "051201"),
          police("streak", "羅永安", "BR-JJ", "民警", "051301"),
          new Person(
              "instructor",
              "POLICE_OFFICER",
              "鄧克勤",
              "BR-TXJ",
              "民警",
              "051401",
              List.of("四川省公安廳戰訓教官")),
          police("hx-officer", "曾凡宇", "PS-HX", "民警", "051102"),
          police("fz-head", "韓雪梅", "BR-FZ", "大隊長", "051501"),
          police("za-head", "馮立新", "BR-ZA", "大隊長", "051601"),
          police("wa-officer", "孫浩然", "BR-WA", "民警", "051701"),
          police("xq-chief", "邱明遠", "PS-XQ", "所長", "051801"),
          police("bl-chief", "鍾國華", "PS-BL", "所長", "051901"));

  /** The units running the four checkpoints, in checkpoint order. */
  static final List<String> CHECKPOINT_UNITS = List.of("BR-XJ", "BR-ZA", "BR-JJ", "PS-XQ");

  private static final String SURNAMES = "張王李趙陳楊黃吳劉周徐孫馬朱胡郭何高林羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭田董袁潘";
  private static final String GIVEN = "偉芳娜敏靜麗強磊軍洋勇艷傑娟濤明超秀霞平剛桂英華玉蘭萍紅鵬輝斌波寧鑫浩宇琳欣";

  private Cast() {}

  /** Everyone: the roles, then per checkpoint two teams, then staff and volunteers. */
  static List<Person> people() {
    List<Person> all = new ArrayList<>(ROLES);
    Set<String> names = new LinkedHashSet<>();
    ROLES.forEach(p -> names.add(p.name()));
    int[] n = {0};
    for (int c = 0; c < CHECKPOINT_UNITS.size(); c++) {
      String unit = CHECKPOINT_UNITS.get(c);
      for (int team = 0; team < 2; team++) {
        String suffix = c + "-" + team;
        all.add(police("lead-" + suffix, name(names, n), unit, "民警", "05200" + c + team));
        all.add(person("aux-" + suffix, "AUXILIARY_POLICE", name(names, n), unit, "輔警"));
        all.add(
            person(
                "ext-" + suffix,
                "EXTERNAL",
                name(names, n),
                team == 0 ? "EXT-JT" : "EXT-WJ",
                team == 0 ? "交通執法人員" : "衛健工作人員"));
      }
    }
    for (int i = 0; i < 6; i++) {
      all.add(person("staff-" + i, "STAFF", name(names, n), "JY-BUREAU", "職工"));
    }
    for (int i = 0; i < 4; i++) {
      all.add(person("volunteer-" + i, "VOLUNTEER", name(names, n), "EXT-ZYZ", "黨員志願者"));
    }
    for (String unit : List.of("PS-HX", "PS-XQ", "PS-BL", "PS-TY")) {
      for (int i = 0; i < 2; i++) {
        all.add(
            person(
                "station-aux-" + unit + "-" + i, "AUXILIARY_POLICE", name(names, n), unit, "輔警"));
      }
    }
    return all;
  }

  private static String name(Set<String> taken, int[] n) {
    while (true) {
      int i = n[0]++;
      String name =
          SURNAMES.charAt(i % SURNAMES.length())
              + ""
              + GIVEN.charAt((i * 7 + 3) % GIVEN.length())
              + GIVEN.charAt((i * 11 + 5) % GIVEN.length());
      if (taken.add(name)) {
        return name;
      }
    }
  }

  private static Person police(
      String key, String name, String unit, String position, String badge) {
    return new Person(key, "POLICE_OFFICER", name, unit, position, badge, List.of());
  }

  private static Person person(
      String key, String category, String name, String unit, String position) {
    return new Person(key, category, name, unit, position, null, List.of());
  }
}
