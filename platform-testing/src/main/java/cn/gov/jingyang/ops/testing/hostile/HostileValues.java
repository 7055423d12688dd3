package cn.gov.jingyang.ops.testing.hostile;

import java.util.List;

/** The catalogue of hostile values, each with the short name failures are grouped by. */
public final class HostileValues {

  /** A hostile value: its name in reports, and the text or JSON fragment itself. */
  public record Value(String name, String text) {}

  public static final String TEN_THOUSAND = "A".repeat(10_000);

  /** Text put (percent-encoded) into path segments, query values and JSON strings. */
  public static final List<Value> TEXT =
      List.of(
          new Value("empty", ""),
          new Value("blank", "   "),
          new Value("word", "abc"),
          new Value("negative", "-1"),
          new Value("-0", "-0"),
          new Value("1e309", "1e309"),
          new Value("NaN", "NaN"),
          new Value("Infinity", "-Infinity"),
          new Value("2^63", "9223372036854775808"),
          new Value("2^31", "2147483648"),
          new Value("-2^31-1", "-2147483649"),
          new Value("huge integer", "9".repeat(40)),
          new Value("fraction", "1.5"),
          new Value("boolean", "true"),
          new Value("10,000 chars", TEN_THOUSAND),
          new Value("NUL", "a\u0000b"),
          new Value("control chars", "a\u0001\u001f\u007fb"),
          new Value("CRLF", "a\r\nX-Injected: 1"),
          new Value("double quote", "a\"b"),
          new Value("single quote", "a'b"),
          new Value("braces", "{x}"),
          new Value("brackets", "[0]"),
          new Value("percent-00 text", "%00"),
          new Value("percent junk text", "%zz%"),
          new Value("backslash", "a\\b"),
          new Value("dot-dot", "../../x"),
          new Value("slash", "a/b"),
          new Value("emoji", "\uD83D\uDE37"),
          new Value("right-to-left", "\u202Eabc"),
          new Value("jndi", "${jndi:ldap://127.0.0.1/x}"),
          new Value("sql", "' OR 1=1 --"),
          new Value("like wildcards", "%_\\"),
          new Value("html", "<script>alert(1)</script>"),
          new Value("bad date", "2020-02-30"),
          new Value("bad date-time", "2020-13-01T25:61:00+99:00"),
          new Value("far date", "+999999999-12-31"),
          new Value("unknown enum", "NOPE"),
          new Value("class name", "javax.script.ScriptEngineManager"));

  /** Exactly what goes on the request line in place of a value: not encoded by the harness. */
  public static final List<Value> RAW_WIRE =
      List.of(
          new Value("raw space", "a b"),
          new Value("raw double quote", "a\"b"),
          new Value("raw braces", "{id}"),
          new Value("raw control char", "a\u0001b"),
          new Value("raw tab", "a\tb"),
          new Value("raw DEL", "a\u007fb"),
          new Value("raw %00", "a%00b"),
          new Value("raw %zz", "%zz"),
          new Value("raw lone %", "a%"),
          new Value("raw %2F", "a%2Fb"),
          new Value("raw %FF", "%FF%FE"),
          new Value("raw overlong UTF-8", "%C0%AE%C0%AE"),
          new Value("raw backslash", "a\\b"),
          new Value("raw non-ASCII", "\u9632\u75AB"),
          new Value("raw pipe and caret", "a|b^c`d"),
          new Value("raw #", "a#b"));

  /** JSON fragments put in place of one field of an otherwise valid body. */
  public static final List<Value> JSON =
      List.of(
          new Value("null", "null"),
          new Value("empty string", "\"\""),
          new Value("blank string", "\"   \""),
          new Value("wrong type: string", "\"abc\""),
          new Value("wrong type: number", "42"),
          new Value("wrong type: boolean", "true"),
          new Value("wrong type: object", "{\"a\":1}"),
          new Value("wrong type: array", "[\"a\"]"),
          new Value("10,000 chars", "\"" + TEN_THOUSAND + "\""),
          new Value("escaped control chars", "\"a\\u0000\\u0001\\u001fb\""),
          new Value("raw control char in string", "\"a\u0001b\""),
          new Value("quotes and braces", "\"\\\"'{}[]\""),
          new Value("percent-00", "\"%00\""),
          new Value("1e309", "1e309"),
          new Value("-1e309", "-1e309"),
          new Value("NaN", "NaN"),
          new Value("Infinity", "Infinity"),
          new Value("-0", "-0"),
          new Value("2^63", "9223372036854775808"),
          new Value("1e-400", "1e-400"),
          new Value("huge integer", "1" + "0".repeat(400)),
          new Value("negative", "-1"),
          new Value("fraction", "0.5"),
          new Value("unknown enum", "\"NOPE\""),
          new Value("bad date", "\"2020-02-30\""),
          new Value("bad date-time", "\"2020-02-03T25:00:00+08:00\""),
          new Value("far date-time", "\"+999999999-12-31T23:59:59+18:00\""),
          new Value("deep nesting 5,000", "[".repeat(5_000) + "]".repeat(5_000)),
          new Value("array of 10,000", "[" + "1,".repeat(9_999) + "1]"),
          new Value("array with null", "[null]"),
          new Value("emoji", "\"\uD83D\uDE37\""),
          new Value("string number", "\"36.5\""),
          new Value("class name", "\"javax.script.ScriptEngineManager\""));

  private HostileValues() {}
}
