package com.zhaoshang.ledger.query.supervision;

import com.zhaoshang.ledger.api.project.ProjectSignedEvent;
import com.zhaoshang.ledger.api.query.project.FindProjectQuery;
import com.zhaoshang.ledger.api.query.project.ProjectDetails;
import com.zhaoshang.ledger.api.supervision.*;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.query.project.ProjectsProjection;
import com.zhaoshang.ledger.query.project.ProjectsQueryHandler;
import com.zhaoshang.ledger.query.testing.Facts;
import com.zhaoshang.ledger.query.testing.Facts.ProjectStream;
import com.zhaoshang.ledger.query.testing.QueryTestDatabase;
import com.zhaoshang.ledger.query.unit.UnitsProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules 8 and 9 as inspectors read them, without Spring: the gaps largest first and among the project's open
 * findings (construction start does not close them), late entries per unit subtree and recording window, the project
 * view's version following the flags, re-delivery changing nothing.
 */
class ReportingFlagsProjectionTest {

    private static final Instant NOW = Instant.parse("2025-01-01T04:00:00Z");
    private static final LocalDate SIGNED_ON = LocalDate.of(2024, 3, 1);
    private static DataSource dataSource;

    private JdbcClient jdbc;
    private AnnotationEventHandlerAdapter flags;
    private AnnotationEventHandlerAdapter findings;
    private AnnotationEventHandlerAdapter projects;
    private ReportingFlagsQueryHandler views;
    private String city;
    private String district;
    private String otherCity;

    @BeforeAll
    static void database() {
        dataSource = QueryTestDatabase.migrated("reporting-flags");
    }

    @BeforeEach
    void wire() throws Exception {
        jdbc = JdbcClient.create(dataSource);
        flags = new AnnotationEventHandlerAdapter(new ReportingFlagsProjection(jdbc, new NamedParameterJdbcTemplate(dataSource)));
        findings = new AnnotationEventHandlerAdapter(new SupervisionProjection(jdbc, new NamedParameterJdbcTemplate(dataSource)));
        projects = new AnnotationEventHandlerAdapter(new ProjectsProjection(jdbc, new NamedParameterJdbcTemplate(dataSource)));
        AnnotationEventHandlerAdapter units = new AnnotationEventHandlerAdapter(new UnitsProjection(jdbc));
        views = new ReportingFlagsQueryHandler(jdbc);
        city = Facts.freshUnitId("city");
        district = Facts.freshUnitId("district");
        otherCity = Facts.freshUnitId("other");
        units.handle(Facts.unit(city, "吉安市", UnitKind.CITY, null, "city", NOW));
        units.handle(Facts.unit(district, "吉州区", UnitKind.DISTRICT, city, "district", NOW));
        units.handle(Facts.unit(otherCity, "赣州市", UnitKind.CITY, null, "city", NOW));
    }

    private ProjectStream signedProject(String unit) throws Exception {
        ProjectStream project = ProjectStream.fresh();
        deliver(project.next(Facts.lead(project.projectId(), "年产10万吨锂电新材料项目", unit, SIGNED_ON), NOW),
                project.next(new ProjectSignedEvent(project.projectId(), Money.cny("92900000"), null,
                        new ResponsibleLeader("王五", "副区长", "wangwu"), SIGNED_ON), NOW));
        return project;
    }

    private static ReportedVerifiedGapFlaggedEvent gap(ProjectStream project, String unit, String arrivalId,
                                                       String reported, String verified, String ratio) {
        return new ReportedVerifiedGapFlaggedEvent(project.projectId(), new UnitId(unit), arrivalId,
                SupervisionRule.REPORTED_VERIFIED_GAP, new BigDecimal("0.20"), Money.cny(reported), Money.cny(verified),
                new BigDecimal(ratio), SIGNED_ON.plusDays(30));
    }

    private static LateEntryFlaggedEvent late(ProjectStream project, String unit, LocalDate occurredOn,
                                              LocalDate recordedOn) {
        return new LateEntryFlaggedEvent(project.projectId(), new UnitId(unit), SupervisionRule.LATE_ENTRY,
                "ConstructionStartedEvent", 7, occurredOn, recordedOn,
                java.time.temporal.ChronoUnit.DAYS.between(occurredOn, recordedOn));
    }

    @Test
    void gapsOfAUnitSubtreeLargestFirstAndAmongTheProjectsOpenFindings() throws Exception {
        ProjectStream project = signedProject(district);
        ProjectStream elsewhere = signedProject(otherCity);
        deliver(project.next(gap(project, district, "a-1", "100000000", "70000000", "0.3000"), NOW),
                project.next(gap(project, district, "a-2", "1000000", "100000", "0.9000"), NOW),
                elsewhere.next(gap(elsewhere, otherCity, "a-1", "100000000", "10000000", "0.9000"), NOW),
                project.next(new com.zhaoshang.ledger.api.project.ConstructionStartedEvent(project.projectId(),
                        SIGNED_ON.plusDays(40)), NOW));

        VerificationGaps gaps = views.handle(new FindVerificationGapsQuery(new UnitId(city)));
        assertThat(gaps.gaps()).extracting(VerificationGap::arrivalId).containsExactly("a-2", "a-1");
        assertThat(gaps.gaps().get(1)).satisfies(g -> {
            assertThat(g.projectName()).isEqualTo("年产10万吨锂电新材料项目");
            assertThat(g.reported()).isEqualTo(Money.cny("100000000"));
            assertThat(g.verified().amount()).isEqualByComparingTo("70000000");
            assertThat(g.gapRatio()).isEqualByComparingTo("0.30");
            assertThat(g.thresholdRatio()).isEqualByComparingTo("0.20");
        });
        assertThat(views.handle(new FindVerificationGapsQuery(null)).gaps()).hasSizeGreaterThanOrEqualTo(3);

        SupervisionQueryHandler findingViews = new SupervisionQueryHandler(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(findingViews.handle(new FindOpenFindingsQuery(EnumSet.allOf(FindingKind.class), null,
                project.projectId())).findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.REPORTED_VERIFIED_GAP);
            assertThat(finding.ruleDays()).isEqualTo(20);
        });
        assertThat(projectVersion(project)).as("the flags move the project's ETag").isEqualTo(4);
    }

    @Test
    void lateEntriesPerUnitSubtreeAndRecordingWindow() throws Exception {
        ProjectStream project = signedProject(district);
        ProjectStream elsewhere = signedProject(otherCity);
        LocalDate occurredOn = LocalDate.of(2024, 5, 1);
        deliver(project.next(late(project, district, occurredOn, LocalDate.of(2024, 5, 20)), NOW),
                project.next(late(project, district, occurredOn, LocalDate.of(2024, 7, 1)), NOW),
                elsewhere.next(late(elsewhere, otherCity, occurredOn, LocalDate.of(2024, 5, 20)), NOW));

        LateEntries all = views.handle(new FindLateEntriesQuery(new UnitId(city), null, null));
        assertThat(all.entries()).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.projectId()).isEqualTo(project.projectId());
            assertThat(entry.factType()).isEqualTo("ConstructionStartedEvent");
            assertThat(entry.thresholdDays()).isEqualTo(7);
        });
        LateEntries may = views.handle(new FindLateEntriesQuery(new UnitId(district), LocalDate.of(2024, 5, 1),
                LocalDate.of(2024, 5, 31)));
        assertThat(may.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.lagDays()).isEqualTo(19);
            assertThat(entry.recordedOn()).isEqualTo(LocalDate.of(2024, 5, 20));
            assertThat(entry.occurredOn()).isEqualTo(occurredOn);
        });
        assertThat(projectVersion(project)).isEqualTo(3);
    }

    @Test
    void redeliveryChangesNothing() throws Exception {
        ProjectStream project = signedProject(district);
        EventMessage<?> gap = project.next(gap(project, district, "a-1", "100", "10", "0.9000"), NOW);
        EventMessage<?> late = project.next(late(project, district, SIGNED_ON, SIGNED_ON.plusDays(9)), NOW);
        deliver(gap, late, gap, late);
        assertThat(views.handle(new FindVerificationGapsQuery(new UnitId(district))).gaps()).hasSize(1);
        assertThat(views.handle(new FindLateEntriesQuery(new UnitId(district), null, null)).entries()).hasSize(1);
    }

    private long projectVersion(ProjectStream project) {
        ProjectsQueryHandler handler = new ProjectsQueryHandler(jdbc, new DataSourceTransactionManager(dataSource),
                Clock.fixed(NOW, ZoneOffset.UTC), 180);
        return handler.handle(new FindProjectQuery(project.projectId())).map(ProjectDetails::version).orElseThrow();
    }

    private void deliver(EventMessage<?>... events) throws Exception {
        for (EventMessage<?> event : List.of(events)) {
            flags.handle(event);
            findings.handle(event);
            projects.handle(event);
        }
    }
}
