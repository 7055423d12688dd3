package cn.gov.jingyang.ops.platform.security;

/**
 * The roles a caller's token may carry (JWT {@code groups}). Defined once here; every endpoint
 * declares which of them may call it with {@code @RolesAllowed}.
 */
public final class Roles {
  /** District command: sees and directs everything. */
  public static final String COMMAND = "COMMAND";

  /** Checkpoint teams: record inspections and visits. */
  public static final String CHECKPOINT_OFFICER = "CHECKPOINT_OFFICER";

  /** Police stations: household verification, local cases. */
  public static final String STATION_OFFICER = "STATION_OFFICER";

  /** Brigades investigating cases. */
  public static final String INVESTIGATOR = "INVESTIGATOR";

  /** Political/personnel office: people, units, party organisation. */
  public static final String PERSONNEL_ADMIN = "PERSONNEL_ADMIN";

  /** The provincial platform: reads feeds, pushes key-person lists down. */
  public static final String PROVINCIAL_PLATFORM = "PROVINCIAL_PLATFORM";

  /** Read-only oversight. */
  public static final String AUDITOR = "AUDITOR";

  public static final java.util.List<String> ALL =
      java.util.List.of(
          COMMAND,
          CHECKPOINT_OFFICER,
          STATION_OFFICER,
          INVESTIGATOR,
          PERSONNEL_ADMIN,
          PROVINCIAL_PLATFORM,
          AUDITOR);

  private Roles() {}
}
