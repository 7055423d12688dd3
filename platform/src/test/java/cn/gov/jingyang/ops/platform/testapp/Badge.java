package cn.gov.jingyang.ops.platform.testapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** A row with a unique key, a reference, a check and a version: everything a race can hit. */
@Entity
@Table(name = "test_badge")
public class Badge {

  @Id public UUID id;

  @Column(name = "badge_number")
  public String badgeNumber;

  public String holder;

  @Column(name = "unit_id")
  public UUID unitId;

  @Version public long version;
}
