package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.api.campaign.BulletinPublishedEvent;
import com.zhaoshang.ledger.api.campaign.RecordBulletinCommand;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A bulletin (通报): once published it is an immutable fact of its own, holding its ranking rows as published. It is
 * created by {@link BulletinPublisher}, which fetches the rows outside the aggregate and hands them over in a
 * {@link RecordBulletinCommand}; the aggregate checks ({@link BulletinRules}) and applies.
 */
@Aggregate
public class Bulletin {

    @AggregateIdentifier
    private String bulletinId;

    /** For Axon: an aggregate is rebuilt from its events through this constructor. */
    protected Bulletin() {
    }

    Bulletin(RecordBulletinCommand command) {
        BulletinRules.check(command);
        apply(new BulletinPublishedEvent(command.bulletinId(), command.kind(), command.title().strip(),
                blankToNull(command.peerGroup()), blankToNull(command.campaignId()), command.from(), command.to(),
                true, command.ranking()));
    }

    @EventSourcingHandler
    public void on(BulletinPublishedEvent event) {
        this.bulletinId = event.bulletinId();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
