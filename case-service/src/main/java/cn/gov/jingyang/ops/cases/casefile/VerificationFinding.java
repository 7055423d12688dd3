package cn.gov.jingyang.ops.cases.casefile;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a household-verification task found when its outcome was CONCEALED_EXPOSURE: the person
 * visited, where, the station that visited them and who recorded it.
 *
 * @param townCode gazetteer code of the person's town; null if the task's town did not resolve
 * @param stationUnitId the station the task was routed to, the case's lead unit; null if the task
 *     was unroutable (the district queue)
 */
public record VerificationFinding(
    String personName,
    String idNumber,
    String phone,
    String townCode,
    String address,
    UUID stationUnitId,
    String note,
    OffsetDateTime foundAt,
    String foundBy) {}
