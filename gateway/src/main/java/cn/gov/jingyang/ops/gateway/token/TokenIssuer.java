package cn.gov.jingyang.ops.gateway.token;

import cn.gov.jingyang.ops.gateway.keys.KeyRing;
import cn.gov.jingyang.ops.platform.security.CallerUnit;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * Mints the gateway's access tokens: RS256 JWTs with {@code kid}, {@code iss}, {@code aud}, {@code
 * iat}, {@code exp}, {@code jti}, {@code sub} = the client id, or for a person their person id when
 * their account names one (else their username), {@code upn} = the client id or username, {@code
 * groups} = roles, and {@code unit} = the caller's unit id when it has one.
 */
@ApplicationScoped
public class TokenIssuer {

  /** An issued token and its lifetime in seconds. */
  public record AccessToken(String token, long expiresIn) {}

  private final KeyRing keys;
  private final String issuer;
  private final String audience;

  public TokenIssuer(KeyRing keys, TokenConfig config) {
    this.keys = keys;
    this.issuer = config.issuer();
    this.audience = config.audience();
  }

  public AccessToken issue(String subject, List<String> roles, UUID unit, Duration lifetime) {
    return issue(subject, subject, roles, unit, lifetime);
  }

  /**
   * A token whose {@code sub} is {@code subject} (for a person with a personnel record, their
   * person id: the services' object scopes read it) and whose {@code upn} is {@code name} (the
   * login name).
   */
  public AccessToken issue(
      String subject, String name, List<String> roles, UUID unit, Duration lifetime) {
    Instant now = Instant.now();
    JwtClaimsBuilder claims =
        Jwt.issuer(issuer)
            .audience(audience)
            .subject(subject)
            .upn(name)
            .groups(new HashSet<>(roles))
            .issuedAt(now)
            .expiresAt(now.plus(lifetime))
            .claim("jti", UUID.randomUUID().toString());
    if (unit != null) {
      claims.claim(CallerUnit.CLAIM, unit.toString());
    }
    return new AccessToken(keys.sign(claims), lifetime.toSeconds());
  }
}
