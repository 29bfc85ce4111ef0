package com.zhaoshang.ledger.command.authorization;

import com.zhaoshang.ledger.api.project.LeadRegisteredEvent;
import com.zhaoshang.ledger.api.supervision.ApprovalRequestedEvent;
import com.zhaoshang.ledger.api.supervision.ComplaintReceivedEvent;
import com.zhaoshang.ledger.api.supervision.SupervisionCaseOpenedEvent;
import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link AggregateUnits}. Its processing group {@value #PROCESSING_GROUP} runs in a subscribing processor
 * (registered by {@link AuthorizationConfiguration}), so a row commits with the event that names the unit, and a
 * failure here fails the command.
 */
@Component
@ProcessingGroup(AggregateUnitsUpdater.PROCESSING_GROUP)
public class AggregateUnitsUpdater {

    public static final String PROCESSING_GROUP = "aggregate-units";

    private final AggregateUnits units;

    public AggregateUnitsUpdater(AggregateUnits units) {
        this.units = units;
    }

    @EventHandler
    public void on(LeadRegisteredEvent event) {
        units.add(event.projectId(), event.unitId());
    }

    @EventHandler
    public void on(SupervisionCaseOpenedEvent event) {
        units.add(event.caseId(), event.leadUnitId());
        if (event.assistingUnitIds() != null) {
            for (UnitId assisting : event.assistingUnitIds()) {
                units.add(event.caseId(), assisting);
            }
        }
    }

    /** An approval request belongs to the department asked to decide it. */
    @EventHandler
    public void on(ApprovalRequestedEvent event) {
        units.add(event.approvalId(), new UnitId(event.department()));
    }

    @EventHandler
    public void on(ComplaintReceivedEvent event) {
        units.add(event.complaintId(), event.unitId());
    }
}
