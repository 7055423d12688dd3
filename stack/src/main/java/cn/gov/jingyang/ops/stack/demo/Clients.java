package cn.gov.jingyang.ops.stack.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The further clients the story needs, registered through the gateway's {@code /admin/clients} with
 * the demo COMMAND client: a personnel administration client, and one checkpoint officer per unit
 * running a checkpoint (an officer records inspections only where their unit runs the checkpoint).
 * A client that exists from an earlier load gets a new secret instead.
 */
final class Clients {

  static final String PERSONNEL = "demo-personnel-office";

  private final URI gateway;
  private final PublicApi command;
  private final Map<String, PublicApi> registered = new ConcurrentHashMap<>();

  Clients(URI gateway, PublicApi command) {
    this.gateway = gateway;
    this.command = command;
  }

  /**
   * PERSONNEL_ADMIN for the personnel office's writes; COMMAND as well, for the command's rate
   * allowance (the largest of a client's roles applies).
   */
  synchronized PublicApi personnel() {
    return registered.computeIfAbsent(
        PERSONNEL, id -> client(id, new String[] {"PERSONNEL_ADMIN", "COMMAND"}, null));
  }

  /** A checkpoint officer of the unit that runs a checkpoint. */
  synchronized PublicApi checkpointOfficer(String unitCode, UUID unitId) {
    String id = "demo-checkpoint-" + unitCode.toLowerCase(java.util.Locale.ROOT);
    return registered.computeIfAbsent(
        id, k -> client(k, new String[] {"CHECKPOINT_OFFICER"}, unitId));
  }

  int requests() {
    return registered.values().stream().mapToInt(PublicApi::requests).sum();
  }

  private PublicApi client(String clientId, String[] roles, UUID unitId) {
    ObjectNode body = PublicApi.object().put("clientId", clientId);
    body.putArray("roles")
        .addAll(
            java.util.Arrays.stream(roles)
                .map(r -> PublicApi.JSON.getNodeFactory().textNode(r))
                .toList());
    if (unitId != null) {
      body.put("unitId", unitId.toString());
    }
    PublicApi.Answer answer = command.send("POST", "/admin/clients", body, Map.of());
    if (answer.status() == 409) {
      answer = command.send("POST", "/admin/clients/" + clientId + "/secret", null, Map.of());
    }
    if (answer.status() / 100 != 2) {
      throw new DemoFailure(
          "register client " + clientId, answer.status(), String.valueOf(answer.body()));
    }
    return new PublicApi(gateway, clientId, answer.body().path("clientSecret").asText());
  }
}
