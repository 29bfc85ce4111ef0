package com.zhaoshang.ledger.query.supervision;

import com.zhaoshang.ledger.api.supervision.*;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.query.testing.Facts;
import com.zhaoshang.ledger.query.testing.QueryTestDatabase;
import com.zhaoshang.ledger.query.unit.UnitsProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Supervision cases by status, per lead unit subtree and per leader, open and overdue. */
class SupervisionCasesProjectionTest {

    private static final Instant NOW = Instant.parse("2025-01-01T04:00:00Z");
    private static final LocalDate OPENED_ON = LocalDate.of(2024, 9, 1);
    private static DataSource dataSource;

    private AnnotationEventHandlerAdapter cases;
    private SupervisionCasesQueryHandler views;
    private String city;
    private String district;

    @BeforeAll
    static void database() {
        dataSource = QueryTestDatabase.migrated("supervision-cases");
    }

    @BeforeEach
    void wire() throws Exception {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        cases = new AnnotationEventHandlerAdapter(new SupervisionCasesProjection(jdbc));
        views = new SupervisionCasesQueryHandler(jdbc);
        AnnotationEventHandlerAdapter units = new AnnotationEventHandlerAdapter(new UnitsProjection(jdbc));
        city = Facts.freshUnitId("city");
        district = Facts.freshUnitId("district");
        units.handle(Facts.unit(city, "吉安市", UnitKind.CITY, null, "city", NOW));
        units.handle(Facts.unit(district, "吉州区", UnitKind.DISTRICT, city, "district", NOW));
    }

    @Test
    void casesByStatusOpenAndOverduePerUnitSubtreeAndLeader() throws Exception {
        String overdue = UUID.randomUUID().toString();
        String closed = UUID.randomUUID().toString();
        deliver(event(overdue, 0, opened(overdue, "王明")),
                event(overdue, 1, new CaseStepTakenEvent(overdue, CaseStep.REVIEW, null, OPENED_ON)),
                event(overdue, 2, new SupervisionCaseOverdueEvent(overdue, OPENED_ON.plusDays(30), 1, 7,
                        OPENED_ON.plusDays(31))),
                event(closed, 0, opened(closed, "李华")));
        for (CaseStep step : CaseStep.values()) {
            deliver(event(closed, step.ordinal() + 1, new CaseStepTakenEvent(closed, step, "办结", OPENED_ON)));
        }

        List<SupervisionCaseSummary> all = views.handle(new FindSupervisionCasesQuery(new UnitId(city), null,
                false, false)).cases();
        assertThat(all).extracting(SupervisionCaseSummary::caseId).containsExactlyInAnyOrder(overdue, closed);
        SupervisionCaseSummary first = views.handle(new FindSupervisionCasesQuery(new UnitId(city), null, true,
                true)).cases().get(0);
        assertThat(first.caseId()).isEqualTo(overdue);
        assertThat(first.status()).isEqualTo("REVIEWED");
        assertThat(first.overdueCount()).isEqualTo(1);
        assertThat(first.assistingUnitIds()).containsExactly(new UnitId(city));
        assertThat(views.handle(new FindSupervisionCasesQuery(new UnitId(district), "李华", false, false)).cases())
                .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo("CLOSED"));
        assertThat(views.handle(new FindSupervisionCasesQuery(new UnitId(district), "李华", true, false)).cases())
                .isEmpty();
    }

    @Test
    void anEscalatedCaseShowsItsLevelAndTheUnitItWentTo() throws Exception {
        String escalated = UUID.randomUUID().toString();
        EventMessage<?> escalation = event(escalated, 3, new SupervisionCaseEscalatedEvent(escalated,
                new UnitId(district), new UnitId(city), 2, 1, 2, OPENED_ON.plusDays(38)));
        deliver(event(escalated, 0, opened(escalated, "赵六")),
                event(escalated, 1, new SupervisionCaseOverdueEvent(escalated, OPENED_ON.plusDays(30), 1, 7,
                        OPENED_ON.plusDays(31))),
                event(escalated, 2, new SupervisionCaseOverdueEvent(escalated, OPENED_ON.plusDays(30), 2, 7,
                        OPENED_ON.plusDays(38))),
                escalation, escalation);

        SupervisionCaseSummary summary = views.handle(new FindSupervisionCasesQuery(new UnitId(city), "赵六", true,
                true)).cases().get(0);
        assertThat(summary.escalationLevel()).isEqualTo(1);
        assertThat(summary.escalatedToUnitId()).isEqualTo(new UnitId(city));
        assertThat(summary.overdueCount()).isEqualTo(2);
        assertThat(summary.version()).isEqualTo(3);
    }

    @Test
    void aCaseThatMissedAReportCountsAmongTheOverdueOnes() throws Exception {
        String silent = UUID.randomUUID().toString();
        deliver(event(silent, 0, opened(silent, "钱七")),
                event(silent, 1, new CaseStepTakenEvent(silent, CaseStep.REVIEW, null, OPENED_ON)),
                event(silent, 2, new CaseStepTakenEvent(silent, CaseStep.ISSUE, null, OPENED_ON)),
                event(silent, 3, new SupervisionCaseReportMissedEvent(silent, new UnitId(district), 1, 7, OPENED_ON,
                        OPENED_ON.plusDays(8))));

        assertThat(views.handle(new FindSupervisionCasesQuery(new UnitId(district), "钱七", true, true)).cases())
                .singleElement().satisfies(c -> {
                    assertThat(c.missedReports()).isEqualTo(1);
                    assertThat(c.overdueCount()).isZero();
                    assertThat(c.status()).isEqualTo("ISSUED");
                });
    }

    private SupervisionCaseOpenedEvent opened(String caseId, String leader) {
        return new SupervisionCaseOpenedEvent(caseId, "超期未开工", null, SupervisionRule.CONSTRUCTION_DEADLINE,
                new UnitId(district), List.of(new UnitId(city)), new ResponsibleLeader(leader, "副区长", null),
                OPENED_ON.plusDays(30), 7, OPENED_ON);
    }

    private static EventMessage<?> event(String caseId, long sequence, Object payload) {
        return Facts.message("SupervisionCase", caseId, sequence, payload, Facts.ADMIN, NOW);
    }

    private void deliver(EventMessage<?>... events) throws Exception {
        for (EventMessage<?> event : events) {
            cases.handle(event);
        }
    }
}
