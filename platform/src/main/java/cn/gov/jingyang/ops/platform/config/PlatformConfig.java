package cn.gov.jingyang.ops.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import java.time.Duration;
import java.util.Optional;

/** Settings of the platform parts, under {@code ops.*}. */
@ConfigMapping(prefix = "ops")
public interface PlatformConfig {

  /**
   * This service's name: its topic is {@code <name>.events}, its events' source {@code
   * /jingyang/<name>}.
   */
  String serviceName();

  Outbox outbox();

  Consumer consumer();

  Feed feed();

  AuditTrail auditTrail();

  PersonalData personalData();

  /**
   * Keys of personal data sealed at rest, read by {@code pii.PersonalDataSealing}, which applies
   * the key policy (development keys in the dev and test profiles only).
   */
  interface PersonalData {
    /** {@code <id>:<base64 of 32 bytes>[,<older id>:<base64>...]}; the first key seals. */
    Optional<String> keys();

    /** Base64 of 32 bytes: the HMAC key of the lookup columns. */
    Optional<String> lookupKey();
  }

  interface Outbox {
    /**
     * Run the relay in this instance (several instances may; rows are claimed with SKIP LOCKED).
     */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows claimed per relay pass. */
    @WithDefault("200")
    int batchSize();

    /** Fallback wake-up when no local commit signalled (rows of other instances, retries). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Failures after which a row that Kafka refuses for itself is set BLOCKED. */
    @WithDefault("8")
    int maxAttempts();

    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /**
     * How long rows claimed by a relay pass stay its own while it sends them with no database
     * transaction open; a relay that dies mid-pass releases them by letting the lease expire. A
     * pass stops sending at half the lease. Keep it well above the producer's delivery timeout (15
     * s).
     */
    @WithDefault("60s")
    Duration claimLease();

    /** How long published rows stay (they are the feed's history). */
    @WithDefault("90d")
    Duration retention();
  }

  interface Consumer {
    /** Run this instance's event consumers. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Attempts of one record's transaction before it goes to the dead-letter topic, when it fails
     * for a reason of its own (poison). Transient faults never count against this.
     */
    @WithDefault("3")
    int maxAttempts();

    /** Pause between those attempts; also the first pause while a transient fault lasts. */
    @WithDefault("200ms")
    Duration retryBackoff();

    /**
     * Longest pause between retries of a record held back by a transient fault (database down, lock
     * timeout, deadlock...): the pause doubles from {@code retry-backoff} up to this.
     */
    @WithDefault("30s")
    Duration transientMaxBackoff();

    /**
     * Appended to every consumer group ({@code <service>.<consumer><suffix>}), so that tests
     * sharing a broker with a running stack never take partitions from its consumers.
     */
    java.util.Optional<String> groupSuffix();

    /** How long processed-event ids are remembered for de-duplication. */
    @WithDefault("30d")
    Duration processedRetention();

    /**
     * One INFO line per event applied (type, id, topic, partition, offset, consumer), with the
     * event's correlation and trace ids: the consumers' counterpart of the HTTP access log.
     */
    @WithDefault("false")
    boolean logApplied();
  }

  interface Feed {
    /** The largest page any feed may be configured to answer (what its document declares). */
    int MAX_PAGE = 1000;

    @WithDefault("100")
    int defaultLimit();

    /** Larger requests are capped to this, not refused; at most {@link #MAX_PAGE}. */
    @WithDefault("1000")
    @Max(MAX_PAGE)
    int maxLimit();
  }

  interface AuditTrail {
    /**
     * Serve {@code /audit-trail} (read at build time by the resource's {@code IfBuildProperty}); a
     * service that shows no personal data, the gateway, sets it false.
     */
    @WithDefault("true")
    boolean enabled();
  }
}
