package cn.gov.jingyang.ops.gateway.login;

import cn.gov.jingyang.ops.gateway.token.PasswordHash;
import cn.gov.jingyang.ops.gateway.token.SeedLock;
import cn.gov.jingyang.ops.gateway.token.TokenIssuer;
import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.problem.ProblemResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A person's password login: the same kind of token as a system gets. An unknown username, a wrong
 * password and a disabled account get the same 401 in the same time (no enumeration); repeated
 * failures are throttled ({@link LoginThrottle}).
 */
@ApplicationScoped
public class PersonLogin {

  private final PasswordHash hashes;
  private final TokenIssuer issuer;
  private final LoginThrottle throttle;
  private final Duration lifetime;

  public PersonLogin(
      PasswordHash hashes, TokenIssuer issuer, LoginThrottle throttle, LoginConfig config) {
    this.hashes = hashes;
    this.issuer = issuer;
    this.throttle = throttle;
    this.lifetime = config.tokenLifetime();
  }

  @Transactional
  public TokenIssuer.AccessToken login(String username, String password, String address) {
    throttle
        .waitFor(username, address)
        .ifPresent(
            wait -> {
              throw new ProblemException(
                  Problem.of(
                          429,
                          "too-many-failed-logins",
                          "Too many failed logins",
                          "too many failed logins for this username or from this address;"
                              + " try again later")
                      .with(ProblemResponse.RETRY_AFTER, Math.max(1, wait.toSeconds() + 1)));
            });
    Account account = Account.findById(username);
    boolean ok;
    if (account == null) {
      hashes.burn(password);
      ok = false;
    } else {
      ok = hashes.matches(password, account.passwordHash) && !account.disabled;
    }
    if (!ok) {
      throttle.failed(username, address);
      throw new ProblemException(
          Problem.of(
              401, "invalid-credentials", "Login failed", "the username or the password is wrong"));
    }
    throttle.succeeded(username);
    return issuer.issue(
        account.subject(), account.username, account.roleList(), account.unitId, lifetime);
  }

  /** Creates an account unless one of that name exists (configuration seeds). */
  @Transactional
  public boolean createIfAbsent(String username, String password, List<String> roles, UUID unit) {
    SeedLock.take("account", username);
    if (Account.findById(username) != null) {
      return false;
    }
    Account account = new Account();
    account.username = username;
    account.displayName = username;
    account.passwordHash = hashes.hash(password);
    account.roles = String.join(",", roles);
    account.unitId = unit;
    account.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    account.passwordChangedAt = account.createdAt;
    account.persist();
    return true;
  }
}
