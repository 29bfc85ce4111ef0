package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.api.campaign.CampaignDefinedEvent;
import com.zhaoshang.ledger.api.campaign.CampaignTarget;
import com.zhaoshang.ledger.api.campaign.DefineCampaignCommand;
import com.zhaoshang.ledger.command.unit.UnitDirectory;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;


import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A campaign (专项行动) with per-unit targets. Its definition is checked by {@link CampaignRules} and then
 * recorded; it is immutable afterwards.
 */
@Aggregate
public class Campaign {

    @AggregateIdentifier
    private String campaignId;

    /** For Axon: an aggregate is rebuilt from its events through this constructor. */
    protected Campaign() {
    }

    @CommandHandler
    public Campaign(DefineCampaignCommand command, UnitDirectory units) {
        java.util.List<CampaignTarget> targets = CampaignRules.check(command, units);
        apply(new CampaignDefinedEvent(command.campaignId(), command.name().strip(), command.from(), command.to(), targets,
                Boolean.TRUE.equals(command.annual()) ? Boolean.TRUE : null));
    }

    @EventSourcingHandler
    public void on(CampaignDefinedEvent event) {
        this.campaignId = event.campaignId();
    }
}
