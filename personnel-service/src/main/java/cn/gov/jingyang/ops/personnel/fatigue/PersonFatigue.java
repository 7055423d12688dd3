package cn.gov.jingyang.ops.personnel.fatigue;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A person's standing and recent duty days")
public record PersonFatigue(
    @Schema(description = "Streak and alert") FatigueQueries.FatigueStanding standing,
    @Schema(description = "Most recent duty days, newest first (up to 31)", maxItems = 31)
        List<LocalDate> recentDutyDays) {}
