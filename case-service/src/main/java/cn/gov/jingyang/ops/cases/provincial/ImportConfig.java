package cn.gov.jingyang.ops.cases.provincial;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Provincial bulk import settings (environment: CASE_IMPORT_CHUNK_ROWS, ...). */
@ConfigMapping(prefix = "case.import")
public interface ImportConfig {

  /** Rows per chunk: one COPY and one set of INSERT ... SELECT per transaction. */
  @WithDefault("50000")
  int chunkRows();

  /** How many bad rows the result shows (all are stored). */
  @WithDefault("100")
  int badRowsShown();

  /**
   * A RUNNING import whose last chunk is older than this is taken as interrupted: re-sending its
   * batch resumes it. A younger one is still running: re-sending is 409.
   */
  @WithDefault("PT2M")
  Duration staleAfter();
}
