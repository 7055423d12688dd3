package cn.gov.jingyang.ops.cases.verification;

import cn.gov.jingyang.ops.platform.gazetteer.Gazetteer;
import cn.gov.jingyang.ops.platform.gazetteer.Place;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/**
 * Tasks entered by hand: the town is a gazetteer code, given or resolved from the written town (a
 * town that does not resolve goes to the district queue); then as any other source.
 */
@ApplicationScoped
public class ManualTasks {

  private final TaskIntake intake;
  private final Gazetteer gazetteer;

  public ManualTasks(TaskIntake intake, Gazetteer gazetteer) {
    this.intake = intake;
    this.gazetteer = gazetteer;
  }

  public TaskIntake.Result enter(VerificationApi.ManualTaskRequest request, String by) {
    String townCode = request.townCode();
    String town = request.town() == null ? null : request.town().trim();
    if (townCode != null) {
      var known = gazetteer.town(townCode);
      if (known.isEmpty()) {
        throw ProblemException.unprocessable("townCode", "not a town of the gazetteer");
      }
      if (town == null || town.isEmpty()) {
        town = known.get().name();
      }
    } else if (town != null && !town.isEmpty()) {
      Place place = gazetteer.resolve(town);
      townCode = place.isResolved() ? place.code() : null;
    }
    KeyPerson person =
        new KeyPerson(
            request.name().trim(),
            request.idNumber(),
            request.phone(),
            request.address(),
            town,
            townCode);
    return intake.take(
        person, SourceRef.manual(request.note()), request.dueAt(), OffsetDateTime.now(), by);
  }
}
