package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.project.ProjectEvent;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * 限时开工 warning: a signed project has not started construction {@code constructionWarningDays} days before its
 * deadline ({@code signedOn + constructionDeadlineDays}). {@code occurredOn} is the day the warning was due,
 * {@code detectedOn} the business date the rule fired (later only when the system was down).
 */
@Revision("1")
public record ConstructionDeadlineWarningIssuedEvent(String projectId, UnitId unitId, ResponsibleLeader responsibleLeader,
                                                     SupervisionRule rule, LocalDate signedOn, LocalDate deadlineOn,
                                                     int constructionDeadlineDays, int constructionWarningDays,
                                                     LocalDate occurredOn, LocalDate detectedOn) implements ProjectEvent {
}
