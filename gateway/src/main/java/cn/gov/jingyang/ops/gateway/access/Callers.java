package cn.gov.jingyang.ops.gateway.access;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Identifies the caller of a request from its bearer token, verified with the platform's token
 * settings ({@code mp.jwt.verify.*}): a token that is missing, forged, expired or from another
 * issuer makes an anonymous caller, counted by its address. The gateway does not refuse such a
 * request here; the services (and the gateway's own authorization, once it has one) do. A token
 * verified once is remembered ({@link VerifiedTokens}) until its expiry, at most {@code
 * ops.gateway.verified-tokens.ttl}: disabling a client or an account never ended the tokens it
 * holds (they expire), so nothing has to be forgotten early.
 */
@ApplicationScoped
public class Callers {

  private static final String KEY = Callers.class.getName();

  @Inject JWTParser parser;

  @ConfigProperty(name = "ops.gateway.verified-tokens.max-entries", defaultValue = "10000")
  int maxEntries;

  @ConfigProperty(name = "ops.gateway.verified-tokens.ttl", defaultValue = "60s")
  Duration ttl;

  private VerifiedTokens verifiedTokens;

  @PostConstruct
  void init() {
    verifiedTokens = new VerifiedTokens(maxEntries, ttl.toMillis(), System::currentTimeMillis);
  }

  /** The caller, verified once per request (off the event loop: key sets may be fetched). */
  public Future<Caller> identify(RoutingContext ctx) {
    Caller known = ctx.get(KEY);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    String token = BearerToken.of(ctx.request());
    String address =
        ctx.request().remoteAddress() == null
            ? "unknown"
            : ctx.request().remoteAddress().hostAddress();
    if (token == null) {
      return Future.succeededFuture(remember(ctx, Caller.anonymous(address)));
    }
    Caller cached = verifiedTokens.get(token);
    if (cached != null) {
      return Future.succeededFuture(remember(ctx, cached));
    }
    return ctx.vertx()
        .executeBlocking(() -> verified(token, address), false)
        .map(caller -> remember(ctx, caller));
  }

  /** The caller already identified for this request, if any. */
  public static Caller known(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  private Caller verified(String token, String address) {
    try {
      JsonWebToken jwt = parser.parse(token);
      String subject = jwt.getSubject();
      if (subject == null || subject.isBlank()) {
        return Caller.anonymous(address);
      }
      Set<String> groups = jwt.getGroups();
      Caller caller = new Caller(subject, groups == null ? Set.of() : Set.copyOf(groups), true);
      verifiedTokens.put(token, caller, jwt.getExpirationTime());
      return caller;
    } catch (ParseException | RuntimeException e) {
      return Caller.anonymous(address);
    }
  }

  private static Caller remember(RoutingContext ctx, Caller caller) {
    ctx.put(KEY, caller);
    return caller;
  }
}
