package com.zhaoshang.ledger.query.observability;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A projection handles an event with the event's correlation id in the MDC, and the MDC is restored afterwards. */
class EventCorrelationTest {

    record Happened(String what) {
    }

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void theHandlerSeesTheEventsCorrelationIdAndTheMdcIsRestoredAfterwards() throws Exception {
        MDC.put("correlationId", "outer");
        EventMessage<Happened> event = GenericEventMessage.<Happened>asEventMessage(new Happened("x"))
                .andMetaData(Map.of("correlationId", "request-42"));
        Map<String, String> seen = new HashMap<>();

        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        EventCorrelation.inMdc("projects").handle(unitOfWork, () -> {
            seen.put("correlationId", MDC.get("correlationId"));
            seen.put("eventId", MDC.get("eventId"));
            return null;
        });
        unitOfWork.commit();

        assertThat(seen).containsEntry("correlationId", "request-42").containsEntry("eventId", event.getIdentifier());
        assertThat(MDC.get("correlationId")).isEqualTo("outer");
        assertThat(MDC.get("eventId")).isNull();
    }
}
