package cn.gov.jingyang.ops.gateway.access;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Identifies the caller of a request from its bearer token, verified with the platform's token
 * settings ({@code mp.jwt.verify.*}): a token that is missing, forged, expired or from another
 * issuer makes an anonymous caller, counted by its address. The gateway does not refuse such a
 * request here; the services (and the gateway's own authorization, once it has one) do.
 */
@ApplicationScoped
public class Callers {

  private static final String KEY = Callers.class.getName();

  @Inject JWTParser parser;

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
      return new Caller(subject, groups == null ? Set.of() : Set.copyOf(groups), true);
    } catch (ParseException | RuntimeException e) {
      return Caller.anonymous(address);
    }
  }

  private static Caller remember(RoutingContext ctx, Caller caller) {
    ctx.put(KEY, caller);
    return caller;
  }
}
