package cn.gov.jingyang.ops.stack.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Chapter 7: the 17 police, auxiliaries and staff who wrote their application to join the party at
 * the front line, between 29 January and 12 February, to the branch where they served.
 */
final class PartyApplications {

  static final int APPLICATIONS = 17;
  static final LocalDate FIRST = LocalDate.of(2020, 1, 29);

  private final Story story;

  PartyApplications(Story story) {
    this.story = story;
  }

  /** Applicant key and the branch (by name) they apply to. */
  private record Applicant(String person, String branch) {}

  private List<Applicant> applicants() {
    List<Applicant> all = new ArrayList<>();
    for (int c = 0; c < CheckpointsAndBranches.CHECKPOINTS.size(); c++) {
      String branch = CheckpointsAndBranches.CHECKPOINTS.get(c).name() + "臨時黨支部";
      all.add(new Applicant("aux-" + c + "-0", branch));
      all.add(new Applicant("aux-" + c + "-1", branch));
    }
    for (int i = 0; i < 6; i++) {
      all.add(new Applicant("staff-" + i, "德陽市公安局旌陽區分局黨支部"));
    }
    all.add(new Applicant("station-aux-PS-HX-0", "黃許派出所黨支部"));
    all.add(new Applicant("station-aux-PS-XQ-0", "孝泉派出所黨支部"));
    all.add(new Applicant("station-aux-PS-BL-0", "柏隆派出所黨支部"));
    return all.subList(0, APPLICATIONS);
  }

  /** The day applicant {@code i} wrote: spread over the fortnight, one of them on 9 February. */
  static LocalDate submittedOn(int i) {
    return FIRST.plusDays((i * 13L) % 15);
  }

  void tell() {
    List<Applicant> applicants = applicants();
    Parallel.forEach(
        java.util.stream.IntStream.range(0, applicants.size()).boxed().toList(),
        i -> apply(i, applicants.get(i)));
  }

  private void apply(int i, Applicant a) {
    {
      UUID person = story.person(a.person());
      PublicApi.Answer status =
          story.personnel().find("/api/v1/personnel/people/" + person + "/party-status");
      if (!"NONE".equals(status.body().path("status").asText())) {
        return;
      }
      ObjectNode body =
          PublicApi.object()
              .put("status", "APPLICANT")
              .put("since", submittedOn(i).toString())
              .put("branchId", story.branches.get(a.branch()).toString());
      story
          .personnel()
          .update(
              "PUT",
              "/api/v1/personnel/people/" + person + "/party-status",
              body,
              status.etag(),
              null);
      story.count("partyApplications");
    }
  }
}
