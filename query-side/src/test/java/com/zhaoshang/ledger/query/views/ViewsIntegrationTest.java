package com.zhaoshang.ledger.query.views;

import com.zhaoshang.ledger.api.activity.ActivityRecordedEvent;
import com.zhaoshang.ledger.api.campaign.CampaignDefinedEvent;
import com.zhaoshang.ledger.api.campaign.CampaignTarget;
import com.zhaoshang.ledger.api.project.*;
import com.zhaoshang.ledger.api.unit.UnitRegisteredEvent;
import com.zhaoshang.ledger.api.value.*;
import java.math.BigDecimal;
import java.time.LocalDate;
import com.zhaoshang.ledger.query.QuerySideApplication;
import com.zhaoshang.ledger.query.campaign.CampaignProjection;
import com.zhaoshang.ledger.query.ranking.BulletinProjection;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

import static org.awaitility.Awaitility.await;

/**
 * The query side on a fresh PostgreSQL database whose event table the test creates (in production the command side
 * migrates it). Events are appended to the store as the aggregates would append them (type, id, sequence), and the
 * real processors project them.
 */
@SpringBootTest(classes = QuerySideApplication.class)
public abstract class ViewsIntegrationTest {

    static final List<String> GROUPS = List.of(LeaderViewsProjection.GROUP, CampaignProjection.GROUP, BulletinProjection.GROUP);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.Database db = TestPostgres.newDatabase("views");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement st = c.createStatement();
             InputStream sql = ViewsIntegrationTest.class.getResourceAsStream("/eventstore/axon-event-tables.sql")) {
            st.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not create the event table", e);
        }
        db.registerDataSource(registry::add);
    }

    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected EventProcessingConfiguration processing;

    private final Map<String, Long> sequences = new HashMap<>();

    /** Appends one event to the stream of the given aggregate, as the aggregate would. */
    protected void append(String aggregateType, String aggregateId, Object payload) {
        long sequence = sequences.merge(aggregateId, 0L, (old, zero) -> old + 1);
        eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload,
                Map.of("userId", "tester", "role", "ADMIN", "unitId", "360800")));
    }

    /** Waits until every segment of the leaders' views has processed everything in the store. */
    protected void awaitViewsCaughtUp() {
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                GROUPS.stream().allMatch(group -> caughtUp(group, headPosition)));
    }

    private boolean caughtUp(String group, long headPosition) {
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return false;
        }
        double covered = 0;
        for (Entry<Integer, EventTrackerStatus> entry : status.entrySet()) {
            EventTrackerStatus s = entry.getValue();
            if (s.isErrorState() || s.getCurrentPosition().orElse(-1) < headPosition) {
                return false;
            }
            covered += 1.0 / (s.getSegment().getMask() + 1);
        }
        return Math.abs(covered - 1.0) < 1e-9;
    }

    /** Resets both processing groups (their @ResetHandlers clear the tables) and waits for the rebuild. */
    protected void rebuildViews(Runnable whileReset) {
        List<StreamingEventProcessor> processors = GROUPS.stream()
                .map(group -> processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow())
                .toList();
        processors.forEach(StreamingEventProcessor::shutDown);
        processors.forEach(StreamingEventProcessor::resetTokens);
        whileReset.run();
        processors.forEach(StreamingEventProcessor::start);
        awaitViewsCaughtUp();
    }

    // ---- facts, as the aggregates record them ----

    private final java.util.concurrent.atomic.AtomicLong ids = new java.util.concurrent.atomic.AtomicLong();

    protected String newId(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID();
    }

    protected void unit(String id, String parentId, UnitKind kind, String peerGroup) {
        append("Unit", id, new UnitRegisteredEvent(new UnitId(id), "单位 " + id, kind,
                parentId == null ? null : new UnitId(parentId), peerGroup));
    }

    protected String lead(String unitId, String industry, Money intended, LocalDate on) {
        String projectId = newId("p");
        append("Project", projectId, new LeadRegisteredEvent(projectId, "项目 " + projectId, new UnitId(unitId),
                new Investor("投资方 " + ids.incrementAndGet(), null, null, InvestorKind.PRIVATE), IndustryCode.of(industry),
                Channel.DOOR_TO_DOOR, intended, on));
        return projectId;
    }

    protected void sign(String projectId, Money contract, LocalDate on) {
        append("Project", projectId, new ProjectSignedEvent(projectId, contract, "签约会",
                new ResponsibleLeader("包抓领导", "副区长", null), on));
    }

    protected void presentAgain(String projectId, LocalDate on) {
        append("Project", projectId, new ProjectPresentedAtCeremonyEvent(projectId, "第二次签约会", on));
    }

    protected void register(String projectId, LocalDate on) {
        append("Project", projectId, new ProjectRegisteredEvent(projectId,
                new Evidence(EvidenceKind.CONTRACT_DOCUMENTS, "合同 " + projectId), on));
    }

    protected void land(String projectId, LocalDate on) {
        append("Project", projectId, new LandAssignedEvent(projectId, "parcel-" + projectId, new BigDecimal("50"), on));
    }

    protected void startConstruction(String projectId, LocalDate on) {
        append("Project", projectId, new ConstructionStartedEvent(projectId, on));
    }

    protected void startProduction(String projectId, LocalDate on) {
        append("Project", projectId, new ProductionStartedEvent(projectId, on));
    }

    protected void terminate(String projectId, LocalDate on) {
        append("Project", projectId, new ContractTerminatedEvent(projectId, "未履约", on));
    }

    protected String arrival(String projectId, Money amount, LocalDate on) {
        String arrivalId = newId("a");
        append("Project", projectId, new CapitalArrivedEvent(projectId, arrivalId, amount, amount.currency() == Currency.USD, on));
        return arrivalId;
    }

    protected void verify(String projectId, String arrivalId, Money reported, Money verified, LocalDate on) {
        EvidenceKind kind = verified.currency() == Currency.USD ? EvidenceKind.FOREIGN_EXCHANGE_RECORD : EvidenceKind.BANK_RECEIPT;
        append("Project", projectId, new CapitalVerifiedEvent(projectId, arrivalId, reported, verified,
                new Evidence(kind, "凭证 " + arrivalId), on));
    }

    protected void activity(String unitId, ActivityKind kind, LocalDate on) {
        String id = newId("act");
        append("Activity", id, new ActivityRecordedEvent(id, new UnitId(unitId), kind, "活动", on));
    }

    protected String bulletin(com.zhaoshang.ledger.api.campaign.BulletinKind kind, String peerGroup, String campaignId,
                              LocalDate from, LocalDate to, com.zhaoshang.ledger.api.campaign.BulletinRanking ranking) {
        String id = newId("b");
        append("Bulletin", id, new com.zhaoshang.ledger.api.campaign.BulletinPublishedEvent(id, kind, "通报 " + id,
                peerGroup, campaignId, from, to, true, ranking));
        return id;
    }

    protected String campaign(String name, LocalDate from, LocalDate to, List<CampaignTarget> targets) {
        String id = newId("c");
        append("Campaign", id, new CampaignDefinedEvent(id, name, from, to, targets));
        return id;
    }
}
