package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.project.ProjectEvent;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * 限时开工 finding: construction did not start by {@code deadlineOn} ({@code signedOn + constructionDeadlineDays});
 * {@code occurredOn} is the first day past the deadline, {@code detectedOn} the business date the rule fired. The
 * responsible leader answers for it (a supervision case is opened against them).
 */
@Revision("1")
public record ConstructionOverdueEvent(String projectId, UnitId unitId, ResponsibleLeader responsibleLeader,
                                       SupervisionRule rule, LocalDate signedOn, LocalDate deadlineOn,
                                       int constructionDeadlineDays, LocalDate occurredOn, LocalDate detectedOn)
        implements ProjectEvent {
}
