package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.api.project.IntentAgreementSignedEvent;
import com.zhaoshang.ledger.api.project.LeadRegisteredEvent;
import com.zhaoshang.ledger.api.project.ProjectSignedEvent;
import com.zhaoshang.ledger.api.value.IndustryCode;
import com.zhaoshang.ledger.api.value.Money;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Iterator;
import java.util.Optional;

/** Reads a project's investment from its own events in the event store (the command side keeps no project table). */
@Component
public class EventStoreProjectInvestments implements ProjectInvestments {

    private final EventStore events;

    public EventStoreProjectInvestments(EventStore events) {
        this.events = events;
    }

    @Override
    public Optional<ProjectInvestment> of(String projectId) {
        if (projectId == null || projectId.isBlank()) {
            return Optional.empty();
        }
        Iterator<? extends DomainEventMessage<?>> stream = events.readEvents(projectId).asStream().iterator();
        if (!stream.hasNext() || !(stream.next().getPayload() instanceof LeadRegisteredEvent lead)) {
            return Optional.empty();
        }
        IndustryCode industry = lead.industryCode();
        Money intended = lead.intendedAmount();
        Money intent = null;
        Money contract = null;
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof IntentAgreementSignedEvent agreed) {
                intent = agreed.amount();
            } else if (payload instanceof ProjectSignedEvent signed) {
                contract = signed.contractAmount();
            }
        }
        Money investment = contract != null ? contract : intent != null ? intent : intended;
        return Optional.of(new ProjectInvestment(projectId, industry, investment));
    }
}
