package cn.gov.jingyang.ops.cases.provincial;

import cn.gov.jingyang.ops.cases.provincial.ImportChunk.Staged;
import cn.gov.jingyang.ops.cases.provincial.ListFormat.BadLine;
import cn.gov.jingyang.ops.cases.verification.VerificationConfig;
import cn.gov.jingyang.ops.platform.outbox.OutboxRelay;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Imports a provincial key-person list while it is being received: the body is read line by line,
 * every row validated, and the valid ones written in chunks of {@code case.import.chunk-rows}, each
 * in its own transaction with the batch's progress — heap holds one chunk at most. A batch id is
 * imported once: re-sent after it completed, nothing is read; re-sent after an interruption, the
 * lines of committed chunks are skipped and the rest imported (each chunk is idempotent anyway).
 */
@ApplicationScoped
public class ProvincialImports {

  private static final Logger LOG = Logger.getLogger(ProvincialImports.class);

  /** What a POST did: started (or resumed) the batch, or found it already imported. */
  public record Outcome(ImportProgress progress, boolean alreadyImported) {}

  private final ImportLedger ledger;
  private final ImportChunk chunk;
  private final ImportTowns towns;
  private final ImportConfig config;
  private final VerificationConfig verification;
  private final ObjectMapper json;
  private final OutboxRelay relay;

  public ProvincialImports(
      ImportLedger ledger,
      ImportChunk chunk,
      ImportTowns towns,
      ImportConfig config,
      VerificationConfig verification,
      ObjectMapper json,
      OutboxRelay relay) {
    this.ledger = ledger;
    this.chunk = chunk;
    this.towns = towns;
    this.config = config;
    this.verification = verification;
    this.json = json;
    this.relay = relay;
  }

  public Outcome importList(String batchId, ListFormat format, InputStream body, String by) {
    ListFormat.LineParser parser = new ListFormat.LineParser(format, json);
    BodyLines lines = new BodyLines(body);
    if (format == ListFormat.CSV) {
      header(parser, lines); // a list without its header is refused before anything is recorded
    }
    ImportLedger.Claim claim = ledger.claim(batchId, format, by, config.staleAfter());
    if (claim.completed()) {
      return new Outcome(ledger.progress(batchId, config.badRowsShown()).orElseThrow(), true);
    }
    OffsetDateTime arrived = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    OffsetDateTime dueAt = arrived.plus(verification.due().provincialList());
    try {
      read(batchId, parser, lines, claim.linesDone(), dueAt, by);
    } catch (IOException | RuntimeException e) {
      LOG.warnf(e, "provincial import %s failed; re-sending the batch resumes it", batchId);
      ledger.fail(batchId, e);
      relay.wake();
      throw new IllegalStateException("import of batch " + batchId + " interrupted", e);
    }
    ledger.complete(batchId);
    relay.wake();
    return new Outcome(ledger.progress(batchId, config.badRowsShown()).orElseThrow(), false);
  }

  /** The CSV header: the first line that is not blank; 400 when missing or wrong. */
  private static void header(ListFormat.LineParser parser, BodyLines lines) {
    try {
      String line;
      while ((line = lines.next()) != null) {
        if (!line.isBlank()) {
          parser.header(line);
          return;
        }
      }
    } catch (BadLine e) {
      throw ProblemException.badRequest("body", "line " + lines.number() + ": " + e.getMessage());
    } catch (IOException e) {
      throw ProblemException.badRequest("body", "could not be read");
    }
    throw ProblemException.badRequest("body", "empty: a CSV list starts with its header line");
  }

  private void read(
      String batchId,
      ListFormat.LineParser parser,
      BodyLines lines,
      long linesDone,
      OffsetDateTime dueAt,
      String by)
      throws IOException {
    List<Staged> staged = new ArrayList<>();
    List<ImportLedger.BadRow> bad = new ArrayList<>();
    long read = 0;
    long lastLine = linesDone;
    String line;
    while ((line = lines.next()) != null) {
      long n = lines.number();
      if (line.isBlank()) {
        continue;
      }
      if (lines.tooLong()) {
        if (n > linesDone) {
          read++;
          bad.add(new ImportLedger.BadRow(n, "line longer than " + BodyLines.MAX_CHARS));
        }
      } else {
        if (n <= linesDone) {
          continue; // committed before the interruption
        }
        read++;
        try {
          ListRow row = parser.row(n, line);
          String problem = row.problem();
          if (problem != null) {
            bad.add(new ImportLedger.BadRow(n, problem));
          } else {
            staged.add(new Staged(row, towns.codeOf(row.town())));
          }
        } catch (BadLine e) {
          bad.add(new ImportLedger.BadRow(n, e.getMessage()));
        }
      }
      lastLine = n;
      if (staged.size() + bad.size() >= config.chunkRows()) {
        commit(batchId, staged, bad, read, lastLine, dueAt, by);
        staged.clear();
        bad.clear();
        read = 0;
      }
    }
    commit(batchId, staged, bad, read, lastLine, dueAt, by);
  }

  /** One chunk, one transaction: tasks, sources, events, bad rows and progress together. */
  private void commit(
      String batchId,
      List<Staged> staged,
      List<ImportLedger.BadRow> bad,
      long read,
      long lastLine,
      OffsetDateTime dueAt,
      String by) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    QuarkusTransaction.requiringNew()
        .timeout((int) config.chunkTimeout().toSeconds())
        .run(
            () -> {
              try {
                ImportChunk.Counts counts =
                    staged.isEmpty()
                        ? new ImportChunk.Counts(0, 0, 0, 0)
                        : chunk.write(batchId, staged, dueAt, now, by);
                ledger.recordChunk(batchId, counts, bad, read, lastLine);
              } catch (java.sql.SQLException | IOException e) {
                throw new IllegalStateException("chunk of batch " + batchId + " not written", e);
              }
            });
    relay.wake();
  }
}
