package cn.gov.jingyang.ops.cases.verification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Household-verification settings (environment: CASE_VERIFICATION_DUE_CHECKPOINT_FLAG, ...). */
@ConfigMapping(prefix = "case.verification")
public interface VerificationConfig {

  Due due();

  /**
   * How long a task may stay UNREACHABLE, or past its due time, before it is escalated to the
   * station's parent unit.
   */
  @WithDefault("PT12H")
  Duration escalateAfter();

  /** How often the escalation job runs. */
  @WithDefault("5m")
  String escalationEvery();

  /** Time to visit, from when a source names the person, by the source's urgency. */
  interface Due {
    @WithDefault("PT24H")
    Duration checkpointFlag();

    @WithDefault("PT72H")
    Duration provincialList();

    @WithDefault("PT48H")
    Duration manual();
  }

  default Duration dueWithin(SourceKind kind) {
    return switch (kind) {
      case CHECKPOINT_FLAG -> due().checkpointFlag();
      case PROVINCIAL_LIST -> due().provincialList();
      case MANUAL -> due().manual();
    };
  }
}
