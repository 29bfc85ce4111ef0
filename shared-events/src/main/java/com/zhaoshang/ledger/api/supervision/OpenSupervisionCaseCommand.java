package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Opens a supervision case (督查事项) against a lead unit (and assisting units) and, where known, a responsible
 * leader, with a deadline and a reporting frequency in days; {@code rule} names the rule that opened it (null when an
 * inspector opened it), {@code projectId} the project it concerns (may be null).
 */
public record OpenSupervisionCaseCommand(@TargetAggregateIdentifier String caseId, String subject, String projectId,
                                         SupervisionRule rule, UnitId leadUnitId, List<UnitId> assistingUnitIds,
                                         ResponsibleLeader responsibleLeader, LocalDate deadlineOn,
                                         int reportingFrequencyDays, LocalDate occurredOn) {
}
