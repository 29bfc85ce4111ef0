package com.zhaoshang.ledger.query.testing;

import com.zhaoshang.ledger.api.activity.ActivityRecordedEvent;
import com.zhaoshang.ledger.api.project.LeadRegisteredEvent;
import com.zhaoshang.ledger.api.unit.UnitRegisteredEvent;
import com.zhaoshang.ledger.api.value.ActivityKind;
import com.zhaoshang.ledger.api.value.Actor;
import com.zhaoshang.ledger.api.value.Channel;
import com.zhaoshang.ledger.api.value.IndustryCode;
import com.zhaoshang.ledger.api.value.Investor;
import com.zhaoshang.ledger.api.value.InvestorKind;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.Role;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Domain event messages as the command side would store them: aggregate type, id, sequence, actor metadata. */
public final class Facts {

    public static final Actor FRONT_OFFICE = new Actor("fo-zhang", Role.FRONT_OFFICE, new UnitId("360802"));
    public static final Actor ADMIN = new Actor("admin-li", Role.ADMIN, new UnitId("360800"));

    private Facts() {
    }

    public static <T> DomainEventMessage<T> message(String aggregateType, String aggregateId, long sequence, T payload,
                                                    Actor actor, Instant recordedAt) {
        return new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload, actor.asMetaData(),
                UUID.randomUUID().toString(), recordedAt);
    }

    public static DomainEventMessage<UnitRegisteredEvent> unit(String id, String name, UnitKind kind, String parentId,
                                                               String peerGroup, Instant recordedAt) {
        UnitRegisteredEvent event = new UnitRegisteredEvent(new UnitId(id), name, kind,
                parentId == null ? null : new UnitId(parentId), peerGroup);
        return message("Unit", id, 0, event, ADMIN, recordedAt);
    }

    public static DomainEventMessage<ActivityRecordedEvent> activity(String id, String unitId, ActivityKind kind,
                                                                     String subject, LocalDate occurredOn,
                                                                     Instant recordedAt) {
        return message("Activity", id, 0, new ActivityRecordedEvent(id, new UnitId(unitId), kind, subject, occurredOn),
                FRONT_OFFICE, recordedAt);
    }

    public static LeadRegisteredEvent lead(String projectId, String name, String unitId, LocalDate occurredOn) {
        return new LeadRegisteredEvent(projectId, name, new UnitId(unitId),
                new Investor("江西某新材料有限公司", null, null, InvestorKind.PRIVATE), IndustryCode.of("C3985"),
                Channel.BUSINESS_REFERRAL, Money.cny("50000000"), occurredOn);
    }

    /** A fresh lower-case slug unit id, so tests sharing a database never see each other's units. */
    public static String freshUnitId(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36);
    }

    /** The events of one project, numbered 0, 1, 2, … as the aggregate numbers them. */
    public static final class ProjectStream {

        private final String projectId;
        private long nextSequence;

        public ProjectStream(String projectId) {
            this.projectId = projectId;
        }

        public static ProjectStream fresh() {
            return new ProjectStream(UUID.randomUUID().toString());
        }

        public String projectId() {
            return projectId;
        }

        public <T> DomainEventMessage<T> next(T event, Instant recordedAt) {
            return message("Project", projectId, nextSequence++, event, FRONT_OFFICE, recordedAt);
        }
    }
}
