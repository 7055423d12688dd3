package cn.gov.jingyang.ops.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The unit the caller works for, from the token's {@value #CLAIM} claim (a unit id): a station
 * officer's lists are scoped to their station with it. Absent when the token carries no such claim,
 * or one that is not a unit id (a token is never refused for it; scoping decides what that means).
 */
@RequestScoped
public class CallerUnit {

  /** The claim naming the caller's unit: a unit id as text. */
  public static final String CLAIM = "unit";

  private final SecurityIdentity identity;

  public CallerUnit(SecurityIdentity identity) {
    this.identity = identity;
  }

  public Optional<UUID> unitId() {
    if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
      return Optional.empty();
    }
    Object claim = token.getClaim(CLAIM);
    String text = claim instanceof JsonString json ? json.getString() : null;
    if (claim instanceof String s) {
      text = s;
    }
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text.trim()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
