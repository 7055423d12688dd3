package cn.gov.jingyang.ops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.FileRecords;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.SimpleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scanner finds ID numbers in clear in raw files (between binary bytes, across its read chunks)
 * and in compressed Kafka segments, and reports them masked; sealed or masked ones are not counted.
 */
class IdNumberScanTest {

  private static final String ID = IdNumbers.of(IdNumbers.DISTRICT, LocalDate.of(1987, 6, 5), 42);

  @TempDir Path dir;

  @Test
  void findsNumbersInRawFilesAmongBinaryBytesAndAcrossChunks() throws Exception {
    byte[] heapPage = new byte[(8 << 20) + 100];
    byte[] id = ID.getBytes(StandardCharsets.US_ASCII);
    // straddling the 8 MiB read boundary, with NUL bytes around it as in a table page
    System.arraycopy(id, 0, heapPage, (8 << 20) - 9, id.length);
    Files.createDirectories(dir.resolve("base/16384"));
    Files.write(dir.resolve("base/16384/2619"), heapPage);
    Files.writeString(dir.resolve("masked.log"), "510603********0421 pd1:k1:AbC0123456789 ok");

    IdNumberScan scan = new IdNumberScan().files(dir);

    assertThat(scan.found())
        .containsOnlyKeys("file " + dir.resolve("base/16384/2619"))
        .containsValue(List.of("510603********" + ID.substring(14)));
    assertThat(scan.summary()).startsWith("2 files");
  }

  @Test
  void decodesCompressedKafkaSegmentsWhoseRawBytesUnderCount() throws Exception {
    Path partition = Files.createDirectories(dir.resolve("checkpoint.events-0"));
    Path segment = partition.resolve("00000000000000000000.log");
    String value = ("{\"name\":\"王芳\",\"idNumber\":\"" + ID + "\"}").repeat(20);
    try (FileRecords log = FileRecords.open(segment.toFile())) {
      log.append(
          MemoryRecords.withRecords(
              Compression.lz4().build(),
              new SimpleRecord("k".getBytes(), value.getBytes(StandardCharsets.UTF_8))));
      log.flush();
    }
    // lz4 keeps one literal copy of the 20 in the raw bytes: a raw scan under-counts...
    assertThat(new IdNumberScan().files(dir).found().values())
        .allSatisfy(numbers -> assertThat(numbers).hasSizeLessThan(20));
    // ...the decoded records hold every one
    IdNumberScan scan = new IdNumberScan().kafkaSegments(dir);
    assertThat(scan.found()).containsOnlyKeys("kafka checkpoint.events-0/00000000000000000000.log");
    assertThat(scan.found().values().iterator().next()).hasSize(20);
    assertThat(scan.summary()).contains("1 Kafka records");
  }
}
