package cn.gov.jingyang.ops.cases.provincial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * How a list is written: NDJSON (one JSON object per line) or CSV (a header line naming the
 * columns, then one row per line; fields may be double-quoted, "" inside quotes is a quote). Each
 * format turns one line into a {@link ListRow}, or throws {@link BadLine} saying why.
 */
public enum ListFormat {
  NDJSON,
  CSV;

  static final List<String> COLUMNS =
      List.of("name", "idNumber", "phone", "address", "town", "listedAt", "reason");

  /** A line that is not a row of this format. */
  static final class BadLine extends Exception {
    BadLine(String reason) {
      super(reason, null, false, false);
    }
  }

  /** Reads the lines of one body: CSV remembers its header. */
  static final class LineParser {
    private final ListFormat format;
    private final ObjectMapper json;
    private int[] columnOf; // CSV: index of each of COLUMNS in the header, -1 absent

    LineParser(ListFormat format, ObjectMapper json) {
      this.format = format;
      this.json = json;
    }

    /** Reads the CSV header (the first line of a CSV list). */
    void header(String line) throws BadLine {
      List<String> names = csvFields(line.startsWith("\uFEFF") ? line.substring(1) : line);
      columnOf = new int[COLUMNS.size()];
      for (int i = 0; i < COLUMNS.size(); i++) {
        columnOf[i] = names.indexOf(COLUMNS.get(i));
      }
      if (columnOf[0] < 0 || columnOf[1] < 0) {
        throw new BadLine("header: the columns name and idNumber are required");
      }
    }

    ListRow row(long lineNumber, String line) throws BadLine {
      return format == NDJSON ? ndjson(lineNumber, line) : csv(lineNumber, line);
    }

    private ListRow ndjson(long n, String line) throws BadLine {
      JsonNode node;
      try {
        node = json.readTree(line);
      } catch (Exception e) {
        throw new BadLine("not a JSON object");
      }
      if (node == null || !node.isObject()) {
        throw new BadLine("not a JSON object");
      }
      String[] v = new String[COLUMNS.size()];
      for (int i = 0; i < v.length; i++) {
        JsonNode f = node.get(COLUMNS.get(i));
        if (f != null && !f.isNull() && !f.isTextual()) {
          throw new BadLine(COLUMNS.get(i) + ": not a string");
        }
        v[i] = f == null || f.isNull() ? null : f.textValue();
      }
      return new ListRow(n, v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    private ListRow csv(long n, String line) throws BadLine {
      List<String> fields = csvFields(line);
      String[] v = new String[COLUMNS.size()];
      for (int i = 0; i < v.length; i++) {
        int at = columnOf[i];
        v[i] = at >= 0 && at < fields.size() ? fields.get(at) : null;
      }
      return new ListRow(n, v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }
  }

  static List<String> csvFields(String line) throws BadLine {
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"' && f.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        fields.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    if (quoted) {
      throw new BadLine("unterminated quoted field");
    }
    fields.add(f.toString());
    return fields;
  }
}
