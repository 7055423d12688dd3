package cn.gov.jingyang.ops.infra;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.FileRecords;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.RecordBatch;

/**
 * Looks for national ID numbers in clear ({@link IdNumbers#inClear}) wherever the suite keeps data
 * at rest: every file under a directory as raw bytes (PostgreSQL's tables, indexes and WAL, logs),
 * every record of Kafka's log segments decoded (batches are lz4-compressed, so their bytes hide
 * what they carry), and every row of a database read as text (values PostgreSQL compressed in TOAST
 * are not visible in its files). What it finds is reported masked, with where.
 */
public final class IdNumberScan {

  private static final int CHUNK = 8 << 20;
  private static final int OVERLAP = 17;

  private final Map<String, List<String>> found = new TreeMap<>();
  private long files;
  private long bytes;
  private long records;
  private long rows;

  /** Every regular file under {@code root}, raw. */
  public IdNumberScan files(Path root) throws IOException {
    for (Path file : regularFiles(root)) {
      files++;
      scanFile(file);
    }
    return this;
  }

  /** Every record (key, value, headers) of every Kafka log segment under {@code root}. */
  public IdNumberScan kafkaSegments(Path root) throws IOException {
    for (Path segment : regularFiles(root)) {
      if (!segment.getFileName().toString().endsWith(".log") || Files.size(segment) == 0) {
        continue;
      }
      String where = "kafka " + root.relativize(segment);
      try (FileRecords log = FileRecords.open(segment.toFile(), false)) {
        for (RecordBatch batch : log.batches()) {
          for (Record record : batch) {
            records++;
            StringBuilder text = new StringBuilder();
            append(text, record.key());
            append(text, record.value());
            for (Header header : record.headers()) {
              text.append(' ').append(header.key()).append('=');
              if (header.value() != null) {
                text.append(new String(header.value(), StandardCharsets.UTF_8));
              }
            }
            text(where, text);
          }
        }
      }
    }
    return this;
  }

  /**
   * Every row of every table of the database's {@code public} schema, as PostgreSQL's text. Takes a
   * {@code CHECKPOINT} first (a superuser's), so a scan of the data directory after it sees every
   * page written.
   */
  public IdNumberScan database(String jdbcUrl, String user, String password) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
      try (Statement s = c.createStatement()) {
        s.execute("checkpoint");
      }
      c.setAutoCommit(false);
      List<String> tables = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select table_name from information_schema.tables"
                      + " where table_schema = 'public' and table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
      for (String table : tables) {
        try (PreparedStatement ps =
            c.prepareStatement("select t::text from public.\"" + table + "\" t")) {
          ps.setFetchSize(1000);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rows++;
              text("table " + database + "." + table, rs.getString(1));
            }
          }
        }
      }
      c.rollback();
    }
    return this;
  }

  /** A text read from somewhere else (a feed page, an answer). */
  public IdNumberScan text(String where, CharSequence text) {
    for (String number : IdNumbers.inClear(text)) {
      found
          .computeIfAbsent(where, w -> new ArrayList<>())
          .add(number.substring(0, 6) + "********" + number.substring(14));
    }
    return this;
  }

  /** Where ID numbers were found in clear (masked); empty when none. */
  public Map<String, List<String>> found() {
    return found;
  }

  /** What was scanned, for a report. */
  public String summary() {
    return String.format(
        "%d files (%,d bytes), %,d Kafka records, %,d rows scanned; %d places with ID numbers in"
            + " clear",
        files, bytes, records, rows, found.size());
  }

  private void scanFile(Path file) throws IOException {
    String where = "file " + file;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
      String carry = "";
      while (channel.read(buffer) > 0 || buffer.position() > 0) {
        buffer.flip();
        bytes += buffer.remaining();
        // ISO-8859-1: one char per byte, digits stay digits whatever the bytes around them
        String chunk =
            carry + new String(buffer.array(), 0, buffer.limit(), StandardCharsets.ISO_8859_1);
        text(where, chunk);
        carry = chunk.length() > OVERLAP ? chunk.substring(chunk.length() - OVERLAP) : chunk;
        buffer.clear();
        if (channel.position() >= channel.size()) {
          break;
        }
      }
    } catch (IOException e) {
      if (Files.exists(file)) {
        throw e;
      }
      // removed while scanning (a recycled WAL segment, a rolled log): nothing left to read
    }
  }

  private static List<Path> regularFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static void append(StringBuilder text, ByteBuffer buffer) {
    if (buffer != null) {
      byte[] b = new byte[buffer.remaining()];
      buffer.duplicate().get(b);
      text.append(' ').append(new String(b, StandardCharsets.UTF_8));
    }
  }
}
