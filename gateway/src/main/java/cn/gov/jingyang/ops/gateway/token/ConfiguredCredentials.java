package cn.gov.jingyang.ops.gateway.token;

import cn.gov.jingyang.ops.gateway.login.LoginConfig;
import cn.gov.jingyang.ops.gateway.login.PersonLogin;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Clients and accounts from configuration, created at start when no client or account of that name
 * exists (an existing one is never changed: the admin API owns it from then on). Each entry is
 * {@code NAME:SECRET:ROLE+ROLE[:UNIT_ID]}; entries are comma-separated.
 */
@ApplicationScoped
public class ConfiguredCredentials {

  private static final Logger LOG = Logger.getLogger(ConfiguredCredentials.class);

  private final ClientRegistry clients;
  private final PersonLogin accounts;
  private final Optional<List<String>> seedClients;
  private final Optional<List<String>> seedAccounts;

  public ConfiguredCredentials(
      ClientRegistry clients, PersonLogin accounts, TokenConfig tokens, LoginConfig logins) {
    this.clients = clients;
    this.accounts = accounts;
    this.seedClients = tokens.seedClients();
    this.seedAccounts = logins.seedAccounts();
  }

  void onStart(@Observes StartupEvent event) {
    for (String entry : seedClients.orElse(List.of())) {
      Seed seed = Seed.parse("ops.gateway.token.seed-clients", entry);
      if (clients.registerIfAbsent(seed.name, seed.secret, seed.roles, seed.unit)) {
        LOG.infof("client %s registered from configuration", seed.name);
      }
    }
    for (String entry : seedAccounts.orElse(List.of())) {
      Seed seed = Seed.parse("ops.gateway.login.seed-accounts", entry);
      if (accounts.createIfAbsent(
          seed.name, seed.secret, ClientRegistry.validRoles(seed.roles), seed.unit)) {
        LOG.infof("account %s created from configuration", seed.name);
      }
    }
  }

  private record Seed(String name, String secret, List<String> roles, UUID unit) {
    static Seed parse(String property, String entry) {
      String[] parts = entry.trim().split(":");
      if (parts.length < 3 || parts.length > 4 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new ConfigurationException(
            property + " takes NAME:SECRET:ROLE+ROLE[:UNIT_ID] entries, comma-separated");
      }
      return new Seed(
          parts[0],
          parts[1],
          Arrays.asList(parts[2].split("\\+")),
          parts.length == 4 ? UUID.fromString(parts[3]) : null);
    }
  }
}
