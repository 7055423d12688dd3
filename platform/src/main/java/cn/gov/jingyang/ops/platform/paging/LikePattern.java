package cn.gov.jingyang.ops.platform.paging;

/**
 * Free text a caller searches for, made into a {@code LIKE} pattern that matches it literally:
 * {@code %}, {@code _} and the escape character {@code \} in the text stand for themselves. Queries
 * write {@code like :text escape '\'} ({@link #ESCAPE}), so the meaning does not depend on the
 * database's default escape character.
 */
public final class LikePattern {

  /** The clause to put after {@code like :param} in HQL or SQL. */
  public static final String ESCAPE = "escape '\\'";

  private LikePattern() {}

  /** {@code 50%} → {@code %50\%%}: rows containing the text anywhere. */
  public static String containing(String text) {
    return "%" + escaped(text) + "%";
  }

  static String escaped(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      if (c == '\\' || c == '%' || c == '_') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
