package cn.gov.jingyang.ops.stack.demo;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./stackctl demo}: the seed's story (Jingyang district, 25 January – 14 February 2020)
 * loaded into a running suite through the gateway's public API only, with a token of the demo
 * COMMAND client from {@code /oauth/token}. Every chapter looks up what it would create by its
 * natural key first and sends deterministic {@code Idempotency-Key}s, so loading twice changes no
 * count.
 */
public final class Demo {

  private Demo() {}

  /** What a load did: the counts the API shows afterwards, what this load created, how long. */
  public record Summary(
      Map<String, Long> counts, Map<String, Integer> created, int requests, Duration took) {

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              "demo loaded in %.1f s, %d requests%n", took.toMillis() / 1000.0, requests));
      counts.forEach(
          (what, n) ->
              out.append(
                  String.format(
                      "  %-34s %6d   (created now: %d)%n",
                      what, n, created.getOrDefault(what, 0))));
      return out.toString();
    }
  }

  /**
   * Loads the story through the gateway at {@code gateway} with a COMMAND client's credentials
   * (further clients are registered through {@code /admin/clients} with it).
   *
   * @throws DemoFailure when the gateway answers what the story does not expect
   */
  public static Summary load(URI gateway, String clientId, String clientSecret) {
    Instant start = Instant.now();
    PublicApi command = new PublicApi(gateway, clientId, clientSecret);
    Clients clients = new Clients(gateway, command);
    Story story = new Story(gateway, command, clients);
    new UnitsAndPeople(story).tell();
    new CheckpointsAndBranches(story).tell();
    new ShiftsAndStreak(story).tell();
    Inspections inspections = new Inspections(story);
    inspections.tell();
    new ProvincialList(story).tell(inspections.flagged());
    new Cases(story).tell();
    new PartyApplications(story).tell();
    Map<String, Long> counts = counts(story);
    return new Summary(
        counts,
        Map.copyOf(story.created),
        command.requests() + clients.requests(),
        Duration.between(start, Instant.now()));
  }

  /** The story's figures as the API lists them (totals of the lists, over the story's dates). */
  public static Map<String, Long> counts(URI gateway, String clientId, String clientSecret) {
    PublicApi command = new PublicApi(gateway, clientId, clientSecret);
    return counts(new Story(gateway, command, new Clients(gateway, command)));
  }

  private static Map<String, Long> counts(Story story) {
    PublicApi api = story.command;
    String range = "from=" + ShiftsAndStreak.STREAK_FROM + "&to=" + Story.LAST_DAY + "&";
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("units", Pages.total(api, "/api/v1/personnel/units?"));
    counts.put("people", Pages.total(api, "/api/v1/personnel/people?"));
    counts.put("deployments", Pages.total(api, "/api/v1/personnel/deployments?when=ALL&"));
    counts.put("branches", Pages.total(api, "/api/v1/personnel/party-branches?"));
    counts.put("checkpoints", Pages.total(api, "/api/v1/checkpoint/checkpoints?"));
    counts.put("visits", Pages.total(api, "/api/v1/checkpoint/visits?" + range));
    counts.put("shifts", Pages.total(api, "/api/v1/checkpoint/shifts?" + range));
    counts.put("inspections", Pages.total(api, "/api/v1/checkpoint/inspections?" + range));
    counts.put(
        "inspectionsFlagged",
        Pages.total(api, "/api/v1/checkpoint/inspections?flagged=true&" + range));
    counts.put("verificationTasks", Pages.total(api, "/api/v1/case/verification-tasks?"));
    counts.put(
        "verificationTasksOpen",
        Pages.total(api, "/api/v1/case/verification-tasks?status=PENDING&")
            + Pages.total(api, "/api/v1/case/verification-tasks?status=ASSIGNED&"));
    counts.put(
        "verificationTasksOverdue",
        Pages.total(api, "/api/v1/case/verification-tasks?overdue=true&"));
    counts.put("cases", Pages.total(api, "/api/v1/case/cases?"));
    counts.put(
        "partyApplications",
        api.get(
                "/api/v1/personnel/party-applications?from="
                    + PartyApplications.FIRST
                    + "&to="
                    + Story.LAST_DAY.plusDays(4)
                    + "&size=1")
            .path("count")
            .asLong());
    return counts;
  }

  /** {@code ./stackctl demo [GATEWAY_URL]}: loads the story and prints the summary. */
  public static void main(String[] args) {
    URI gateway = URI.create(args.length > 0 ? args[0] : "http://localhost:8080");
    String id = args.length > 1 ? args[1] : cn.gov.jingyang.ops.stack.Suite.DEMO_CLIENT_ID;
    String secret = args.length > 2 ? args[2] : cn.gov.jingyang.ops.stack.Suite.DEMO_CLIENT_SECRET;
    System.out.println(
        "demo: loading the story of Jingyang, January–February 2020, through " + gateway);
    try {
      System.out.print(load(gateway, id, secret));
    } catch (DemoFailure e) {
      System.err.println("demo: " + e.getMessage());
      System.exit(1);
    }
  }
}
