package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.project.ProjectEvent;
import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * Late entry (DOMAIN.md rule 9): a project fact was recorded more than {@code thresholdDays}
 * ({@code ledger.rules.late-entry-days}, 7) days after the date it declares. Applied right after that fact, in the
 * same command, for inspectors.
 *
 * @param rule          always {@link SupervisionRule#LATE_ENTRY}
 * @param factType      the simple name of the late fact's event, e.g. {@code ConstructionStartedEvent}
 * @param thresholdDays the lag allowed
 * @param occurredOn    the date the late fact declares (its {@code occurredOn})
 * @param recordedOn    the business date (Asia/Shanghai) it was recorded
 * @param lagDays       recordedOn − occurredOn, more than thresholdDays
 */
@Revision("1")
public record LateEntryFlaggedEvent(String projectId, UnitId unitId, SupervisionRule rule, String factType,
                                    int thresholdDays, LocalDate occurredOn, LocalDate recordedOn, long lagDays)
        implements ProjectEvent {
}
