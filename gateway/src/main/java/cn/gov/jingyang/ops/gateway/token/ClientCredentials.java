package cn.gov.jingyang.ops.gateway.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The client-credentials grant (RFC 6749 §4.4): authenticates the client by HTTP Basic or by the
 * form fields client_id and client_secret (one of them, RFC 6749 §2.3.1), and issues a token with
 * its roles and unit. An unknown client, a wrong secret and a disabled client get the same answer,
 * in the same time.
 */
@ApplicationScoped
public class ClientCredentials {

  private static final int MAX_FIELD = 256;

  private final PasswordHash hashes;
  private final TokenIssuer issuer;
  private final Duration lifetime;

  public ClientCredentials(PasswordHash hashes, TokenIssuer issuer, TokenConfig config) {
    this.hashes = hashes;
    this.issuer = issuer;
    this.lifetime = config.lifetime();
  }

  /** The token for a request's form and Authorization header, or an {@link OAuthError}. */
  @Transactional
  public TokenIssuer.AccessToken grant(
      String authorization, java.util.Map<String, List<String>> form) {
    String grant = single(form, "grant_type");
    if (grant == null) {
      throw OAuthError.invalidRequest("grant_type is required");
    }
    String[] credentials = credentials(authorization, form);
    if (!grant.equals("client_credentials")) {
      throw OAuthError.unsupportedGrantType(grant.length() > 40 ? grant.substring(0, 40) : grant);
    }
    ApiClient client = ApiClient.findById(credentials[0]);
    if (client == null) {
      hashes.burn(credentials[1]);
      throw OAuthError.invalidClient();
    }
    if (!hashes.matches(credentials[1], client.secretHash) || client.disabled) {
      throw OAuthError.invalidClient();
    }
    return issuer.issue(client.clientId, client.roleList(), client.unitId, lifetime);
  }

  private static String[] credentials(
      String authorization, java.util.Map<String, List<String>> form) {
    String formId = single(form, "client_id");
    String formSecret = single(form, "client_secret");
    if (authorization != null && !authorization.isBlank()) {
      if (formSecret != null) {
        throw OAuthError.invalidRequest("authenticate the client with one method only");
      }
      String[] basic = basic(authorization);
      if (basic == null || formId != null && !formId.equals(basic[0])) {
        throw OAuthError.invalidClient();
      }
      return basic;
    }
    if (formId == null || formSecret == null) {
      throw OAuthError.invalidClient();
    }
    return new String[] {formId, formSecret};
  }

  /** id and secret of {@code Basic base64(urlencode(id):urlencode(secret))}, or null. */
  private static String[] basic(String authorization) {
    String[] parts = authorization.trim().split(" ", 2);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("Basic")) {
      return null;
    }
    try {
      String decoded =
          new String(Base64.getDecoder().decode(parts[1].trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
      String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
      return id.length() > MAX_FIELD || secret.length() > MAX_FIELD
          ? null
          : new String[] {id, secret};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A form parameter that may appear once (RFC 6749 §3.2), or null when absent or empty. */
  private static String single(java.util.Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw OAuthError.invalidRequest(name + " must not be repeated");
    }
    String value = values.get(0);
    if (value != null && value.length() > MAX_FIELD) {
      throw OAuthError.invalidRequest(name + " is longer than " + MAX_FIELD + " characters");
    }
    return value == null || value.isEmpty() ? null : value;
  }
}
