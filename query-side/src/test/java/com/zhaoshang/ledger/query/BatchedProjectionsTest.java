package com.zhaoshang.ledger.query;

import com.zhaoshang.ledger.api.project.CapitalArrivedEvent;
import com.zhaoshang.ledger.api.project.CapitalVerifiedEvent;
import com.zhaoshang.ledger.api.project.ConstructionStartedEvent;
import com.zhaoshang.ledger.api.project.NegotiationStartedEvent;
import com.zhaoshang.ledger.api.project.ProjectPresentedAtCeremonyEvent;
import com.zhaoshang.ledger.api.project.ProjectRegisteredEvent;
import com.zhaoshang.ledger.api.project.ProjectSignedEvent;
import com.zhaoshang.ledger.api.supervision.LateEntryFlaggedEvent;
import com.zhaoshang.ledger.api.supervision.ProjectStalledAfterSigningEvent;
import com.zhaoshang.ledger.api.supervision.SupervisionRule;
import com.zhaoshang.ledger.api.value.ActivityKind;
import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Evidence;
import com.zhaoshang.ledger.api.value.EvidenceKind;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.query.activity.ActivitiesProjection;
import com.zhaoshang.ledger.query.audit.late.LateEntriesProjection;
import com.zhaoshang.ledger.query.common.BatchedWrites;
import com.zhaoshang.ledger.query.project.ProjectsProjection;
import com.zhaoshang.ledger.query.supervision.ReportingFlagsProjection;
import com.zhaoshang.ledger.query.supervision.SupervisionProjection;
import com.zhaoshang.ledger.query.testing.Facts;
import com.zhaoshang.ledger.query.testing.Facts.ProjectStream;
import com.zhaoshang.ledger.query.testing.QuerySideIntegrationTest;
import com.zhaoshang.ledger.query.unit.UnitsProjection;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.ResultMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projections that write a processor batch's rows together at its commit ({@link BatchedWrites}: projects,
 * activities, supervision findings and late-entry flags, late entries) hold exactly what the same events handled one by one, each
 * statement at once, produce; and a batch delivered again — whole, or a part of it in a new batch — changes nothing.
 * The stream is random: projects at random stages with capital, verifications, ceremonies and supervision findings,
 * interleaved with each other and with activities, so one processor batch holds several events of one project.
 */
class BatchedProjectionsTest extends QuerySideIntegrationTest {

    private static final List<String> GROUPS = List.of(UnitsProjection.GROUP, ProjectsProjection.GROUP,
            ActivitiesProjection.GROUP, SupervisionProjection.GROUP, LateEntriesProjection.GROUP);
    private static final ResponsibleLeader LEADER = new ResponsibleLeader("王强", "副区长", null);

    @Autowired
    private ProjectsProjection projects;
    @Autowired
    private ActivitiesProjection activities;
    @Autowired
    private SupervisionProjection supervision;
    @Autowired
    private ReportingFlagsProjection reportingFlags;
    @Autowired
    private LateEntriesProjection lateEntries;
    @Autowired
    private TransactionManager transactions;
    private List<AnnotationEventHandlerAdapter> adapters;

    @Test
    void batchedProjectionsEqualOneByOneAndRedeliveryChangesNothing() throws Exception {
        String prefix = "batched-" + Long.toString(System.nanoTime(), 36);
        List<EventMessage<?>> history = randomHistory(new Random(20261122), prefix);
        publish(history);
        GROUPS.forEach(this::awaitCaughtUp);
        Map<String, List<Map<String, Object>>> batched = rows(prefix);
        assertThat(batched.get("project_view")).hasSize(60);
        assertThat(batched.get("project_capital_arrival")).isNotEmpty();
        assertThat(batched.get("project_ceremony")).isNotEmpty();
        assertThat(batched.get("activity_view")).hasSize(80);
        // findings left open and findings closed by a later fact (a capital arrival, a construction start)
        assertThat(batched.get("supervision_finding")).anyMatch(row -> Boolean.TRUE.equals(row.get("open")))
                .anyMatch(row -> Boolean.FALSE.equals(row.get("open")));
        assertThat(batched.get("supervision_late_entry")).isNotEmpty();
        assertThat(batched.get("audit_fact")).hasSizeGreaterThan(150);

        // one by one, every statement at once (no processor batch), into emptied rows
        delete(prefix);
        assertThat(rows(prefix).values()).allMatch(List::isEmpty);
        for (EventMessage<?> event : history) {
            transactions.executeInTransaction(() -> handleByEveryProjection(event));
        }
        assertThat(rows(prefix)).isEqualTo(batched);

        // the whole stream again as one processor batch, then a middle part of it in batches of 37
        redeliverInBatches(history, history.size());
        assertThat(rows(prefix)).isEqualTo(batched);
        redeliverInBatches(history.subList(history.size() / 3, 2 * history.size() / 3), 37);
        assertThat(rows(prefix)).isEqualTo(batched);
    }

    @Test
    void aBatchOfOneProjectsManyEventsKeepsTheirOrder() throws Exception {
        String prefix = "ordered-" + Long.toString(System.nanoTime(), 36);
        ProjectStream project = new ProjectStream(prefix + "-p");
        Instant at = Instant.parse("2025-06-01T00:00:00Z");
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(project.next(Facts.lead(project.projectId(), "项目", "360802", LocalDate.of(2025, 1, 2)), at));
        events.add(project.next(new ProjectSignedEvent(project.projectId(), Money.cny("5000000"), "签约会", LEADER,
                LocalDate.of(2025, 2, 1)), at.plusSeconds(1)));
        for (int a = 0; a < 5; a++) {
            events.add(project.next(new CapitalArrivedEvent(project.projectId(), "a" + a, Money.cny("1000" + a), false,
                    LocalDate.of(2025, 3, 1 + a)), at.plusSeconds(2 + a)));
            events.add(project.next(new CapitalVerifiedEvent(project.projectId(), "a" + a, Money.cny("1000" + a),
                    Money.cny("900" + a), new Evidence(EvidenceKind.BANK_RECEIPT, "r" + a), LocalDate.of(2025, 4, 1 + a)),
                    at.plusSeconds(20 + a)));
        }
        publish(events);
        GROUPS.forEach(this::awaitCaughtUp);
        assertTwelveEventsApplied(project);

        redeliverInBatches(events, events.size());
        assertTwelveEventsApplied(project);
    }

    private void assertTwelveEventsApplied(ProjectStream project) {
        assertThat(jdbc.sql("SELECT version, stage FROM project_view WHERE id = ?").param(project.projectId())
                .query().singleRow()).containsEntry("version", 11L).containsEntry("stage", "SIGNED");
        assertThat(jdbc.sql("SELECT arrival_id, verified_amount FROM project_capital_arrival WHERE project_id = ? ORDER BY arrival_id")
                .param(project.projectId()).query().listOfRows())
                .extracting(row -> row.get("arrival_id") + "=" + row.get("verified_amount"))
                .containsExactly("a0=9000.00", "a1=9001.00", "a2=9002.00", "a3=9003.00", "a4=9004.00");
    }

    private void handleByEveryProjection(EventMessage<?> event) {
        if (adapters == null) {
            adapters = Stream.of(projects, activities, supervision, reportingFlags, lateEntries).map(AnnotationEventHandlerAdapter::new).toList();
        }
        for (AnnotationEventHandlerAdapter adapter : adapters) {
            try {
                adapter.handle(event);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Hands the events to every batched projection as a processor does: one batch unit of work and transaction each. */
    private void redeliverInBatches(List<EventMessage<?>> events, int size) throws Exception {
        for (int from = 0; from < events.size(); from += size) {
            BatchingUnitOfWork<?> batch = new BatchingUnitOfWork<>(events.subList(from, Math.min(events.size(), from + size)));
            batch.attachTransaction(transactions);
            ResultMessage<?> result = batch.executeWithResult(() -> {
                if (!BatchedWrites.inProcessorBatch()) {
                    throw new IllegalStateException("not seen as a processor batch");
                }
                handleByEveryProjection((EventMessage<?>) batch.getMessage());
                return null;
            });
            assertThat(result.isExceptional()).as(() -> String.valueOf(result.optionalExceptionResult())).isFalse();
        }
    }

    /** This test's rows of every batched table, in key order. */
    private Map<String, List<Map<String, Object>>> rows(String prefix) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        String like = prefix + "%";
        tables.put("project_view", jdbc.sql("SELECT * FROM project_view WHERE id LIKE ? ORDER BY id").param(like).query().listOfRows());
        tables.put("project_capital_arrival", jdbc.sql("SELECT * FROM project_capital_arrival WHERE project_id LIKE ? ORDER BY project_id, arrival_id")
                .param(like).query().listOfRows());
        tables.put("project_ceremony", jdbc.sql("SELECT * FROM project_ceremony WHERE project_id LIKE ? ORDER BY project_id, ceremony")
                .param(like).query().listOfRows());
        tables.put("activity_view", jdbc.sql("SELECT * FROM activity_view WHERE id LIKE ? ORDER BY id").param(like).query().listOfRows());
        tables.put("supervision_finding", jdbc.sql("SELECT * FROM supervision_finding WHERE project_id LIKE ? ORDER BY project_id, kind")
                .param(like).query().listOfRows());
        tables.put("supervision_late_entry", jdbc.sql(
                        "SELECT * FROM supervision_late_entry WHERE project_id LIKE ? ORDER BY project_id, sequence")
                .param(like).query().listOfRows());
        tables.put("audit_project_unit", jdbc.sql("SELECT * FROM audit_project_unit WHERE project_id LIKE ? ORDER BY project_id")
                .param(like).query().listOfRows());
        tables.put("audit_fact", jdbc.sql("SELECT * FROM audit_fact WHERE aggregate_id LIKE ? ORDER BY event_id").param(like).query().listOfRows());
        return tables;
    }

    private void delete(String prefix) {
        String like = prefix + "%";
        jdbc.sql("DELETE FROM project_capital_arrival WHERE project_id LIKE ?").param(like).update();
        jdbc.sql("DELETE FROM project_ceremony WHERE project_id LIKE ?").param(like).update();
        jdbc.sql("DELETE FROM project_view WHERE id LIKE ?").param(like).update();
        jdbc.sql("DELETE FROM activity_view WHERE id LIKE ?").param(like).update();
        jdbc.sql("DELETE FROM supervision_finding WHERE project_id LIKE ?").param(like).update();
        jdbc.sql("DELETE FROM supervision_late_entry WHERE project_id LIKE ?").param(like).update();
        jdbc.sql("DELETE FROM audit_project_unit WHERE project_id LIKE ?").param(like).update();
        jdbc.sql("DELETE FROM audit_fact WHERE aggregate_id LIKE ?").param(like).update();
    }

    /** Units, 60 projects whose facts interleave (a project's facts in order), and 80 activities among them. */
    private List<EventMessage<?>> randomHistory(Random random, String prefix) {
        Instant at = Instant.parse("2025-01-01T00:00:00Z");
        String city = Facts.freshUnitId("city");
        List<String> units = new ArrayList<>(List.of(city));
        List<EventMessage<?>> head = new ArrayList<>();
        head.add(Facts.unit(city, "市", UnitKind.CITY, null, "city", at));
        for (int d = 0; d < 3; d++) {
            String district = Facts.freshUnitId("district");
            head.add(Facts.unit(district, "区" + d, UnitKind.DISTRICT, city, "districts", at));
            units.add(district);
        }
        List<List<EventMessage<?>>> streams = new ArrayList<>();
        for (int p = 0; p < 60; p++) {
            streams.add(projectFacts(random, new ProjectStream(prefix + "-p" + p), units.get(random.nextInt(units.size())),
                    at.plusSeconds(p * 60L)));
        }
        for (int a = 0; a < 80; a++) {
            streams.add(List.of(Facts.activity(prefix + "-act-" + a, units.get(random.nextInt(units.size())),
                    ActivityKind.values()[random.nextInt(ActivityKind.values().length)], "活动" + a,
                    LocalDate.of(2025, 1, 1).plusDays(random.nextInt(100)), at.plusSeconds(a))));
        }
        // interleave: repeatedly take the next event of a random stream
        List<EventMessage<?>> events = new ArrayList<>(head);
        List<Integer> next = new ArrayList<>(Collections.nCopies(streams.size(), 0));
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            open.add(i);
        }
        while (!open.isEmpty()) {
            int pick = random.nextInt(open.size());
            int stream = open.get(pick);
            events.add(streams.get(stream).get(next.get(stream)));
            next.set(stream, next.get(stream) + 1);
            if (next.get(stream) == streams.get(stream).size()) {
                open.remove(pick);
            }
        }
        return events;
    }

    private List<EventMessage<?>> projectFacts(Random random, ProjectStream project, String unit, Instant at) {
        String id = project.projectId();
        List<EventMessage<?>> events = new ArrayList<>();
        LocalDate on = LocalDate.of(2025, 1, 2);
        events.add(project.next(Facts.lead(id, "项目" + id, unit, on), at));
        events.add(project.next(new NegotiationStartedEvent(id, on.plusDays(5)), at.plusSeconds(86_400L * (1 + random.nextInt(20)))));
        if (random.nextInt(4) == 0) {
            return events;
        }
        LocalDate signedOn = on.plusDays(30);
        events.add(project.next(new ProjectSignedEvent(id, Money.cny(1_000_000 + random.nextInt(90_000_000) + ".5"),
                "签约会" + random.nextInt(3), random.nextBoolean() ? LEADER : null, signedOn), at.plusSeconds(86_400L * 31)));
        if (random.nextInt(3) == 0) {
            events.add(project.next(new LateEntryFlaggedEvent(id, new UnitId(unit), SupervisionRule.LATE_ENTRY,
                    "ProjectSignedEvent", 7, signedOn, signedOn.plusDays(12), 12), at.plusSeconds(86_400L * 31 + 1)));
        }
        if (random.nextBoolean()) {
            events.add(project.next(new ProjectStalledAfterSigningEvent(id, new UnitId(unit), LEADER,
                    SupervisionRule.STALLED_AFTER_SIGNING, signedOn, 60, signedOn.plusDays(60), signedOn.plusDays(60)),
                    at.plusSeconds(86_400L * 91)));
        }
        int arrivals = random.nextInt(4);
        for (int a = 0; a < arrivals; a++) {
            Money amount = a % 2 == 0 ? Money.cny(String.valueOf(100_000 + random.nextInt(1_000_000)))
                    : Money.usd(String.valueOf(10_000 + random.nextInt(100_000)));
            events.add(project.next(new CapitalArrivedEvent(id, "arr-" + a, amount, amount.currency() == Currency.USD,
                    signedOn.plusDays(70 + a)), at.plusSeconds(86_400L * (100 + a))));
            if (random.nextBoolean()) {
                EvidenceKind kind = amount.currency() == Currency.USD ? EvidenceKind.FOREIGN_EXCHANGE_RECORD
                        : EvidenceKind.BANK_RECEIPT;
                events.add(project.next(new CapitalVerifiedEvent(id, "arr-" + a, amount, amount,
                        new Evidence(kind, "凭证-" + id + "-" + a), signedOn.plusDays(90 + a)), at.plusSeconds(86_400L * (120 + a))));
            }
        }
        if (random.nextInt(3) == 0) {
            events.add(project.next(new ProjectPresentedAtCeremonyEvent(id, "秋季签约会", signedOn.plusDays(150)),
                    at.plusSeconds(86_400L * 181)));
        }
        if (random.nextBoolean()) {
            events.add(project.next(new ProjectRegisteredEvent(id, new Evidence(EvidenceKind.BANK_RECEIPT, "登记-" + id),
                    signedOn.plusDays(160)), at.plusSeconds(86_400L * 191)));
        }
        if (random.nextBoolean()) {
            events.add(project.next(new ConstructionStartedEvent(id, signedOn.plusDays(170)), at.plusSeconds(86_400L * 201)));
        }
        return events;
    }
}
