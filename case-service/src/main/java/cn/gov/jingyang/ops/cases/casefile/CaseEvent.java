package cn.gov.jingyang.ops.cases.casefile;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.util.UUID;

/**
 * An event of a Case: the Case is its aggregate and caseId the key (so events of one Case keep
 * their order). Event records implement this instead of repeating the two methods.
 */
public interface CaseEvent extends DomainEvent {

  UUID caseId();

  @Override
  default String aggregateType() {
    return "Case";
  }

  @Override
  default String aggregateId() {
    return caseId().toString();
  }
}
