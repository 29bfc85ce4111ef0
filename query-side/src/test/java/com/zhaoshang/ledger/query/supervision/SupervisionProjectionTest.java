package com.zhaoshang.ledger.query.supervision;

import com.zhaoshang.ledger.api.project.CapitalArrivedEvent;
import com.zhaoshang.ledger.api.project.ConstructionStartedEvent;
import com.zhaoshang.ledger.api.project.LandAssignedEvent;
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
 * The supervision projection without Spring: rule facts open findings, resolving facts close them; the views answer
 * per unit subtree with days overdue counted by the clock; the project view's version follows the rule facts.
 */
class SupervisionProjectionTest {

    /** Today is 2025-01-01 in Shanghai. */
    private static final Instant NOW = Instant.parse("2025-01-01T04:00:00Z");
    private static final LocalDate SIGNED_ON = LocalDate.of(2024, 3, 1);
    private static final ResponsibleLeader LEADER = new ResponsibleLeader("王五", "副区长", "wangwu");
    private static DataSource dataSource;

    private JdbcClient jdbc;
    private AnnotationEventHandlerAdapter supervision;
    private AnnotationEventHandlerAdapter projects;
    private AnnotationEventHandlerAdapter units;
    private SupervisionQueryHandler views;
    private String city;
    private String district;
    private String otherCity;

    @BeforeAll
    static void database() {
        dataSource = QueryTestDatabase.migrated("supervision-projection");
    }

    @BeforeEach
    void wire() throws Exception {
        jdbc = JdbcClient.create(dataSource);
        supervision = new AnnotationEventHandlerAdapter(new SupervisionProjection(jdbc, new NamedParameterJdbcTemplate(dataSource)));
        projects = new AnnotationEventHandlerAdapter(new ProjectsProjection(jdbc, new NamedParameterJdbcTemplate(dataSource)));
        units = new AnnotationEventHandlerAdapter(new UnitsProjection(jdbc));
        views = new SupervisionQueryHandler(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
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
                project.next(new ProjectSignedEvent(project.projectId(), Money.cny("92900000"), null, LEADER,
                        SIGNED_ON), NOW));
        return project;
    }

    private static ConstructionOverdueEvent overdue(ProjectStream project, String unit) {
        return new ConstructionOverdueEvent(project.projectId(), new UnitId(unit), LEADER,
                SupervisionRule.CONSTRUCTION_DEADLINE, SIGNED_ON, SIGNED_ON.plusDays(180), 180,
                SIGNED_ON.plusDays(181), SIGNED_ON.plusDays(181));
    }

    @Test
    void overdueProjectsOfAUnitSubtreeWithDaysOverdue() throws Exception {
        ProjectStream inDistrict = signedProject(district);
        ProjectStream elsewhere = signedProject(otherCity);
        deliver(inDistrict.next(overdue(inDistrict, district), NOW), elsewhere.next(overdue(elsewhere, otherCity), NOW));

        OpenFindings answer = views.handle(new FindOpenFindingsQuery(EnumSet.of(FindingKind.CONSTRUCTION_OVERDUE),
                new UnitId(city), null));

        assertThat(answer.asOf()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(answer.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.projectId()).isEqualTo(inDistrict.projectId());
            assertThat(finding.projectName()).isEqualTo("年产10万吨锂电新材料项目");
            assertThat(finding.deadlineOn()).isEqualTo(LocalDate.of(2024, 8, 28));
            assertThat(finding.daysOverdue()).isEqualTo(126);
            assertThat(finding.ruleDays()).isEqualTo(180);
            assertThat(finding.leaderName()).isEqualTo("王五");
        });
        assertThat(projectVersion(inDistrict)).as("the rule fact moves the project's ETag").isEqualTo(2);
    }

    @Test
    void constructionStartClosesTheFindings() throws Exception {
        ProjectStream project = signedProject(district);
        deliver(project.next(overdue(project, district), NOW),
                project.next(new ConstructionStartedEvent(project.projectId(), LocalDate.of(2024, 12, 1)), NOW));

        assertThat(views.handle(new FindOpenFindingsQuery(EnumSet.allOf(FindingKind.class), null,
                project.projectId())).findings()).isEmpty();
    }

    @Test
    void stalledProjectsUntilALifecycleFact() throws Exception {
        ProjectStream project = signedProject(district);
        deliver(project.next(new ProjectStalledAfterSigningEvent(project.projectId(), new UnitId(district), LEADER,
                SupervisionRule.STALLED_AFTER_SIGNING, SIGNED_ON, 60, SIGNED_ON.plusDays(60), SIGNED_ON.plusDays(60)),
                NOW));
        FindOpenFindingsQuery stalled = new FindOpenFindingsQuery(EnumSet.of(FindingKind.STALLED_AFTER_SIGNING),
                new UnitId(district), null);
        assertThat(views.handle(stalled).findings()).extracting(OpenFinding::projectId)
                .containsExactly(project.projectId());

        deliver(project.next(new CapitalArrivedEvent(project.projectId(), "a1", Money.cny("1000000"), false,
                SIGNED_ON.plusDays(70)), NOW));
        assertThat(views.handle(stalled).findings()).isEmpty();
    }

    @Test
    void idleLandAndTheReclaimProposalUntilReclaimed() throws Exception {
        ProjectStream project = signedProject(district);
        LocalDate landOn = SIGNED_ON.plusDays(10);
        UnitId unit = new UnitId(district);
        BigDecimal area = new BigDecimal("120.5");
        deliver(project.next(new LandAssignedEvent(project.projectId(), "DK-1", area, landOn), NOW),
                project.next(new IdleLandFoundEvent(project.projectId(), unit, SupervisionRule.IDLE_LAND, "DK-1",
                        area, landOn, 365, landOn.plusDays(365), landOn.plusDays(365)), NOW),
                project.next(new LandReclaimProposedEvent(project.projectId(), unit, SupervisionRule.IDLE_LAND,
                        "DK-1", area, landOn, 730, landOn.plusDays(730), landOn.plusDays(730)), NOW));
        FindOpenFindingsQuery idle = new FindOpenFindingsQuery(
                EnumSet.of(FindingKind.IDLE_LAND, FindingKind.LAND_RECLAIM_PROPOSED), new UnitId(city), null);
        assertThat(views.handle(idle).findings()).extracting(OpenFinding::kind)
                .containsExactly(FindingKind.IDLE_LAND, FindingKind.LAND_RECLAIM_PROPOSED);
        assertThat(views.handle(idle).findings().get(0).daysSince()).isEqualTo(296);
        assertThat(views.handle(idle).findings().get(0).parcelId()).isEqualTo("DK-1");

        deliver(project.next(new LandReclaimedEvent(project.projectId(), unit, "DK-1", area, "收回",
                landOn.plusDays(740)), NOW));
        assertThat(views.handle(idle).findings()).isEmpty();
    }

    @Test
    void redeliveryChangesNothing() throws Exception {
        ProjectStream project = signedProject(district);
        EventMessage<?> finding = project.next(overdue(project, district), NOW);
        deliver(finding, finding);
        assertThat(views.handle(new FindOpenFindingsQuery(EnumSet.allOf(FindingKind.class), null,
                project.projectId())).findings()).hasSize(1);
    }

    private long projectVersion(ProjectStream project) {
        ProjectsQueryHandler handler = new ProjectsQueryHandler(jdbc, new DataSourceTransactionManager(dataSource),
                Clock.fixed(NOW, ZoneOffset.UTC), 180);
        return handler.handle(new FindProjectQuery(project.projectId())).map(ProjectDetails::version).orElseThrow();
    }

    private void deliver(EventMessage<?>... events) throws Exception {
        for (EventMessage<?> event : List.of(events)) {
            supervision.handle(event);
            projects.handle(event);
        }
    }
}
