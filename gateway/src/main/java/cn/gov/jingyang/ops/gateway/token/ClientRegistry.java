package cn.gov.jingyang.ops.gateway.token;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The clients that may get tokens: registered with roles and a unit, their secret shown once at
 * registration and at each rotation, and only its hash kept; a disabled client gets no new tokens
 * (those it holds expire with their short lifetime).
 */
@ApplicationScoped
public class ClientRegistry {

  /** A client id: 3 to 64 lower-case letters, digits, dots, dashes and underscores. */
  public static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

  /** A client as the admin API shows it; the secret only right after it was set. */
  public record Registered(ApiClient client, String secret) {}

  private final PasswordHash hashes;

  public ClientRegistry(PasswordHash hashes) {
    this.hashes = hashes;
  }

  @Transactional
  public Registered register(String clientId, List<String> roles, UUID unitId) {
    if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
      throw ProblemException.unprocessable(
          "clientId", "3 to 64 of a-z 0-9 . _ -, starting with a letter or digit");
    }
    if (ApiClient.findById(clientId) != null) {
      throw ProblemException.conflict("client-exists", "client " + clientId + " already exists");
    }
    return register(clientId, hashes.newSecret(), roles, unitId);
  }

  /** Registers a client with a secret given unless one of that id exists (configuration seeds). */
  @Transactional
  public boolean registerIfAbsent(String clientId, String secret, List<String> roles, UUID unit) {
    SeedLock.take("client", clientId);
    if (ApiClient.findById(clientId) != null) {
      return false;
    }
    register(clientId, secret, roles, unit);
    return true;
  }

  private Registered register(String clientId, String secret, List<String> roles, UUID unitId) {
    ApiClient client = new ApiClient();
    client.clientId = clientId;
    client.roles = String.join(",", validRoles(roles));
    client.unitId = unitId;
    client.secretHash = hashes.hash(secret);
    client.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    client.secretChangedAt = client.createdAt;
    client.persist();
    return new Registered(client, secret);
  }

  public List<ApiClient> list() {
    return ApiClient.listAll(io.quarkus.panache.common.Sort.by("clientId"));
  }

  @Transactional
  public ApiClient disable(String clientId) {
    ApiClient client = find(clientId);
    client.disabled = true;
    return client;
  }

  @Transactional
  public Registered rotateSecret(String clientId) {
    ApiClient client = find(clientId);
    String secret = hashes.newSecret();
    client.secretHash = hashes.hash(secret);
    client.secretChangedAt = OffsetDateTime.now(ZoneOffset.UTC);
    return new Registered(client, secret);
  }

  private static ApiClient find(String clientId) {
    ApiClient client = ApiClient.findById(clientId);
    if (client == null) {
      throw ProblemException.notFound("client", clientId);
    }
    return client;
  }

  /** The roles, each a known role name, without repeats; 422 naming {@code roles} otherwise. */
  public static List<String> validRoles(List<String> roles) {
    if (roles == null || roles.isEmpty()) {
      throw ProblemException.unprocessable("roles", "at least one of " + Roles.ALL);
    }
    for (String role : roles) {
      if (!Roles.ALL.contains(role)) {
        throw ProblemException.unprocessable("roles", "each one of " + Roles.ALL);
      }
    }
    return List.copyOf(new LinkedHashSet<>(roles));
  }
}
