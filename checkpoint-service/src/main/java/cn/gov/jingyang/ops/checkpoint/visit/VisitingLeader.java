package cn.gov.jingyang.ops.checkpoint.visit;

import java.util.UUID;

/**
 * The leader who visited: a person of this bureau by personnel id (name as personnel-service knew
 * it then, no agency), or someone from another agency by name and agency (no id). Visits recorded
 * before issue 8 have only the free-text name.
 *
 * @param personId personnel id; null for people from other agencies and old records
 * @param name display name, always present
 * @param agency the other agency (市场监管局, 卫健局…); null for this bureau's people and old records
 */
public record VisitingLeader(UUID personId, String name, String agency) {}
