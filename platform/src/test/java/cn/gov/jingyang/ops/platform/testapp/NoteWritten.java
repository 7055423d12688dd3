package cn.gov.jingyang.ops.platform.testapp;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.util.UUID;

public record NoteWritten(UUID noteId, String text, String author, String nationalId, String phone)
    implements DomainEvent {

  @Override
  public String aggregateType() {
    return "Note";
  }

  @Override
  public String aggregateId() {
    return noteId.toString();
  }
}
