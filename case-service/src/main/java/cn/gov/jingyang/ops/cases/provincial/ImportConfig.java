package cn.gov.jingyang.ops.cases.provincial;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import java.time.Duration;

/** Provincial bulk import settings (environment: CASE_IMPORT_CHUNK_ROWS, ...). */
@ConfigMapping(prefix = "case.import")
public interface ImportConfig {

  /** Rows per chunk: one COPY and one set of INSERT ... SELECT per transaction. */
  @WithDefault("50000")
  int chunkRows();

  /**
   * The transaction timeout of one chunk. A chunk of 50,000 rows writes ~150,000 rows with their
   * indexes; on a loaded host it may take longer than the default transaction timeout (60 s), which
   * aborted the P5 benchmark's second run. Keep it at most {@link #staleAfter()}: a re-send must
   * not take over a batch whose chunk is still being written.
   */
  @WithDefault("PT2M")
  Duration chunkTimeout();

  /** The most bad rows a result may show. */
  int MAX_BAD_ROWS_SHOWN = 1000;

  /** How many bad rows the result shows (all are stored), at most {@link #MAX_BAD_ROWS_SHOWN}. */
  @WithDefault("100")
  @Max(MAX_BAD_ROWS_SHOWN)
  int badRowsShown();

  /**
   * A RUNNING import whose last chunk is older than this is taken as interrupted: re-sending its
   * batch resumes it. A younger one is still running: re-sending is 409.
   */
  @WithDefault("PT2M")
  Duration staleAfter();
}
