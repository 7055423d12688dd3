package cn.gov.jingyang.ops.cases.routing;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Fired (as a CDI event, inside the transaction that changed the routing table) when a station
 * starts covering a town: the open work of that town follows it. {@code previousStation} is null
 * when no station covered the town.
 */
public record TownMoved(
    String townCode, UUID previousStation, UUID station, OffsetDateTime at, String reason) {}
