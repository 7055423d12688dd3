package cn.gov.jingyang.ops.platform.pii;

import java.util.regex.Pattern;

/**
 * A text column that holds sealed personal data ({@link PersonalDataSealing}), declared by its
 * service as a CDI bean so the {@link Resealer} converts its clear and old-key rows.
 *
 * @param table the table
 * @param idColumn its primary key (one column, any type)
 * @param valueColumn the sealed column
 * @param lookupColumn the column holding {@link PersonalDataSealing#lookup} of the value, or null
 */
public record SealedColumn(String table, String idColumn, String valueColumn, String lookupColumn) {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  public SealedColumn {
    for (String name : new String[] {table, idColumn, valueColumn}) {
      requireIdentifier(name);
    }
    if (lookupColumn != null) {
      requireIdentifier(lookupColumn);
    }
  }

  /** {@code table.column}, its name in {@code sealed_data}. */
  public String name() {
    return table + "." + valueColumn;
  }

  private static void requireIdentifier(String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain SQL identifier: " + name);
    }
  }
}
