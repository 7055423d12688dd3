package cn.gov.jingyang.ops.gateway.login;

import cn.gov.jingyang.ops.gateway.token.ClientRegistry;
import cn.gov.jingyang.ops.gateway.token.PasswordHash;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * People's accounts as district command manages them: created with an initial password (only its
 * PBKDF2 hash is kept, as for client secrets), listed, disabled, and given a new password. A
 * disabled account cannot log in; tokens it already holds expire with their lifetime (1 h).
 */
@ApplicationScoped
public class AccountDirectory {

  /** A username: 3 to 64 lower-case letters, digits, dots, dashes and underscores. */
  public static final String USERNAME = "[a-z0-9][a-z0-9._-]{2,63}";

  private static final Pattern USERNAME_PATTERN = Pattern.compile(USERNAME);

  private final PasswordHash hashes;
  private final LoginThrottle throttle;

  public AccountDirectory(PasswordHash hashes, LoginThrottle throttle) {
    this.hashes = hashes;
    this.throttle = throttle;
  }

  @Transactional
  public Account create(
      String username,
      String displayName,
      List<String> roles,
      UUID unitId,
      UUID personId,
      String password) {
    if (username == null || !USERNAME_PATTERN.matcher(username).matches()) {
      throw ProblemException.unprocessable(
          "username", "3 to 64 of a-z 0-9 . _ -, starting with a letter or digit");
    }
    List<String> valid = ClientRegistry.validRoles(roles);
    if (Account.findById(username) != null) {
      throw ProblemException.conflict("account-exists", "account " + username + " already exists");
    }
    if (personId != null && Account.count("personId", personId) > 0) {
      throw ProblemException.conflict(
          "person-has-account", "person " + personId + " already has an account");
    }
    Account account = new Account();
    account.username = username;
    account.displayName = displayName.strip();
    account.roles = String.join(",", valid);
    account.unitId = unitId;
    account.personId = personId;
    account.passwordHash = hashes.hash(password);
    account.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    account.passwordChangedAt = account.createdAt;
    account.persist();
    return account;
  }

  public Page<Account> list(PageRequest request) {
    var query = Account.<Account>findAll(Sort.by("username")).page(request.panache());
    return Page.of(query.list(), request, query.count());
  }

  @Transactional
  public Account disable(String username) {
    Account account = find(username);
    account.disabled = true;
    return account;
  }

  /** A new password; the old one stops working, and the username's failed logins are forgotten. */
  @Transactional
  public Account resetPassword(String username, String password) {
    Account account = find(username);
    account.passwordHash = hashes.hash(password);
    account.passwordChangedAt = OffsetDateTime.now(ZoneOffset.UTC);
    throttle.succeeded(username);
    return account;
  }

  private static Account find(String username) {
    Account account = Account.findById(username);
    if (account == null) {
      throw ProblemException.notFound("account", username);
    }
    return account;
  }
}
