package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A supervision case was opened (督查事项), by a rule ({@code rule} non-null) or by an inspector. */
@Revision("1")
public record SupervisionCaseOpenedEvent(String caseId, String subject, String projectId, SupervisionRule rule,
                                         UnitId leadUnitId, List<UnitId> assistingUnitIds,
                                         ResponsibleLeader responsibleLeader, LocalDate deadlineOn,
                                         int reportingFrequencyDays, LocalDate occurredOn) {
}
