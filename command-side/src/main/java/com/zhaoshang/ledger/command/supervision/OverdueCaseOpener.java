package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.api.supervision.ConstructionOverdueEvent;
import com.zhaoshang.ledger.api.supervision.OpenSupervisionCaseCommand;
import com.zhaoshang.ledger.api.value.Actor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * 限时开工: "when overdue a supervision case is opened against the responsible leader". On
 * {@link ConstructionOverdueEvent} it opens the case {@link #caseIdFor(String)} (one per project: a second
 * opening is refused by the event store) with the project's unit as lead unit, a deadline
 * {@code ledger.rules.case-deadline-days} after the finding and reports every
 * {@code ledger.rules.case-reporting-frequency-days}. Subscribing processor {@value #PROCESSING_GROUP}: the case
 * commits with the finding.
 */
@Component
@ProcessingGroup(OverdueCaseOpener.PROCESSING_GROUP)
public class OverdueCaseOpener {

    public static final String PROCESSING_GROUP = "supervision-cases";
    /** The rules act as this user in the metadata of what they cause. */
    public static final String RULES_USER = "supervision-rules";

    private final CommandGateway commands;
    private final int caseDeadlineDays;
    private final int reportingFrequencyDays;

    public OverdueCaseOpener(CommandGateway commands,
                             @Value("${ledger.rules.case-deadline-days:30}") int caseDeadlineDays,
                             @Value("${ledger.rules.case-reporting-frequency-days:7}") int reportingFrequencyDays) {
        this.commands = commands;
        this.caseDeadlineDays = caseDeadlineDays;
        this.reportingFrequencyDays = reportingFrequencyDays;
    }

    /** The case's id: a name-based UUID of the project, so one project has one such case and REST can address it. */
    public static String caseIdFor(String projectId) {
        return UUID.nameUUIDFromBytes(("construction-overdue:" + projectId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @EventHandler
    public void on(ConstructionOverdueEvent event) {
        commands.sendAndWait(new OpenSupervisionCaseCommand(caseIdFor(event.projectId()),
                        "限时开工: 项目签约后 " + event.constructionDeadlineDays() + " 天未开工 (截止 " + event.deadlineOn() + ")",
                        event.projectId(), event.rule(), event.unitId(), List.of(), event.responsibleLeader(),
                        event.occurredOn().plusDays(caseDeadlineDays), reportingFrequencyDays, event.occurredOn()),
                MetaData.with(Actor.USER_ID, RULES_USER));
    }
}
