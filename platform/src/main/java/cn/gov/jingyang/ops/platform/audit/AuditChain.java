package cn.gov.jingyang.ops.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain of the audit trail: a row's hash is SHA-256 over the previous row's hash and the
 * row's canonical content (id, time, actor, roles, unit, subject, fields, purpose, request id, each
 * length-prefixed so no two rows share a canonical form). The first row follows {@link #GENESIS}.
 */
final class AuditChain {

  /** The previous hash of the first row. */
  static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  static String hash(AuditRecord r) {
    StringBuilder canonical = new StringBuilder(256);
    canonical.append(r.previousHash()).append('\n');
    part(canonical, Long.toString(r.id()));
    part(canonical, instant(r.recordedAt()));
    part(canonical, r.actor());
    list(canonical, r.roles());
    part(canonical, r.unit());
    part(canonical, r.subject());
    list(canonical, r.fields());
    part(canonical, r.purpose());
    part(canonical, r.requestId());
    return sha256(canonical.toString());
  }

  private static String instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant().toString();
  }

  private static void list(StringBuilder out, List<String> values) {
    if (values == null) {
      out.append("n;");
      return;
    }
    out.append('l').append(values.size()).append(':');
    values.forEach(v -> part(out, v));
  }

  private static void part(StringBuilder out, String value) {
    if (value == null) {
      out.append("n;");
    } else {
      out.append('s').append(value.length()).append(':').append(value).append(';');
    }
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
