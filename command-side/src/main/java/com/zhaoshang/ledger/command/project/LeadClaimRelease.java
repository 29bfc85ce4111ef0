package com.zhaoshang.ledger.command.project;

import com.zhaoshang.ledger.api.project.ContractTerminatedEvent;
import com.zhaoshang.ledger.api.project.ProjectAbandonedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Releases a lead's claim when its project ends, so the investor may be brought in again as a new lead. Runs in the
 * subscribing processor {@value #PROCESSING_GROUP}: it commits (or fails) with the event that ends the project.
 */
@Component
@ProcessingGroup(LeadClaimRelease.PROCESSING_GROUP)
public class LeadClaimRelease {

    public static final String PROCESSING_GROUP = "lead-claims";

    private final LeadClaims claims;

    public LeadClaimRelease(LeadClaims claims) {
        this.claims = claims;
    }

    @EventHandler
    public void on(ProjectAbandonedEvent event) {
        claims.releaseAllOf(event.projectId());
    }

    @EventHandler
    public void on(ContractTerminatedEvent event) {
        claims.releaseAllOf(event.projectId());
    }
}
