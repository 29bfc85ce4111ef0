package com.zhaoshang.ledger.query.project;

import com.zhaoshang.ledger.api.project.CapitalArrivedEvent;
import com.zhaoshang.ledger.api.project.CapitalVerifiedEvent;
import com.zhaoshang.ledger.api.project.ConstructionCompletedEvent;
import com.zhaoshang.ledger.api.project.ConstructionStartedEvent;
import com.zhaoshang.ledger.api.project.IntentAgreementSignedEvent;
import com.zhaoshang.ledger.api.project.LandAssignedEvent;
import com.zhaoshang.ledger.api.project.NegotiationStartedEvent;
import com.zhaoshang.ledger.api.project.ProductionStartedEvent;
import com.zhaoshang.ledger.api.project.ProjectAbandonedEvent;
import com.zhaoshang.ledger.api.project.ProjectPresentedAtCeremonyEvent;
import com.zhaoshang.ledger.api.project.ProjectRegisteredEvent;
import com.zhaoshang.ledger.api.project.ProjectSignedEvent;
import com.zhaoshang.ledger.api.project.ResponsibleLeaderAssignedEvent;
import com.zhaoshang.ledger.api.query.project.CapitalArrival;
import com.zhaoshang.ledger.api.query.project.FindProjectQuery;
import com.zhaoshang.ledger.api.query.project.ProjectDetails;
import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Evidence;
import com.zhaoshang.ledger.api.value.EvidenceKind;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.ProjectStage;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.query.testing.Facts;
import com.zhaoshang.ledger.query.testing.Facts.ProjectStream;
import com.zhaoshang.ledger.query.testing.QueryTestDatabase;
import com.zhaoshang.ledger.query.testing.TableSnapshot;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The projects projection without Spring: events handed to its annotated handlers, answers read through its query handler. */
class ProjectsProjectionTest {

    private static final Instant T0 = Instant.parse("2024-07-01T02:00:00Z");
    private static DataSource dataSource;

    private JdbcClient jdbc;
    private AnnotationEventHandlerAdapter projection;
    private ProjectsQueryHandler queries;

    @BeforeAll
    static void database() {
        dataSource = QueryTestDatabase.migrated("projects-projection");
    }

    @BeforeEach
    void wire() throws Exception {
        jdbc = JdbcClient.create(dataSource);
        projection = new AnnotationEventHandlerAdapter(new ProjectsProjection(jdbc, new NamedParameterJdbcTemplate(dataSource)));
        projection.prepareReset();
        queries = new ProjectsQueryHandler(jdbc, new DataSourceTransactionManager(dataSource),
                Clock.fixed(T0, ZoneOffset.UTC), 180);
    }

    @Test
    void aWholeLifeIsProjectedIntoOneRowWithItsCapitalAndCeremonies() throws Exception {
        ProjectStream project = ProjectStream.fresh();
        deliver(wholeLife(project));

        ProjectDetails details = find(project.projectId());
        assertThat(details.stage()).isEqualTo(ProjectStage.IN_PRODUCTION);
        assertThat(details.registered()).isTrue();
        assertThat(details.name()).isEqualTo("年产10万吨锂电新材料项目");
        assertThat(details.unitId().value()).isEqualTo("360802");
        assertThat(details.industrial()).isTrue();
        assertThat(details.intendedAmount()).isEqualTo(Money.cny("50000000"));
        assertThat(details.intentAmount()).isEqualTo(Money.cny("80000000"));
        assertThat(details.contractAmount()).isEqualTo(Money.cny("92900000.00"));
        assertThat(details.ceremony()).isEqualTo("2024 春季签约会");
        assertThat(details.presentedAtCeremonies()).extracting(c -> c.ceremony()).containsExactly("2024 秋季签约会");
        assertThat(details.responsibleLeader()).isEqualTo(new ResponsibleLeader("王五", "副区长", "wangwu"));
        assertThat(details.registrationEvidence()).isEqualTo(new Evidence(EvidenceKind.CONTRACT_DOCUMENTS, "入库-2024-017"));
        assertThat(details.land().parcelId()).isEqualTo("DK2024-031");
        assertThat(details.land().areaMu()).isEqualByComparingTo("120.5");
        assertThat(details.milestones().leadOn()).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(details.milestones().negotiationOn()).isEqualTo(LocalDate.of(2024, 1, 20));
        assertThat(details.milestones().intentOn()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(details.milestones().signedOn()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(details.milestones().registeredOn()).isEqualTo(LocalDate.of(2024, 3, 10));
        assertThat(details.milestones().landOn()).isEqualTo(LocalDate.of(2024, 3, 20));
        assertThat(details.milestones().constructionStartedOn()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(details.milestones().completedOn()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(details.milestones().productionStartedOn()).isEqualTo(LocalDate.of(2024, 6, 15));
        assertThat(details.milestones().endedOn()).isNull();
        assertThat(details.capitalArrivals()).extracting(CapitalArrival::arrivalId).containsExactly("a1", "a2");
        CapitalArrival verified = details.capitalArrivals().get(0);
        assertThat(verified.verifiedAmount()).isEqualTo(Money.cny("29000000"));
        assertThat(verified.evidence().kind()).isEqualTo(EvidenceKind.BANK_RECEIPT);
        assertThat(verified.verifiedOn()).isEqualTo(LocalDate.of(2024, 5, 20));
        assertThat(details.capitalArrivals().get(1).verified()).isFalse();
        assertThat(details.capital().reported()).containsEntry(Currency.CNY, Money.cny("30000000"))
                .containsEntry(Currency.USD, Money.usd("1500000"));
        assertThat(details.capital().verified()).containsEntry(Currency.CNY, Money.cny("29000000"))
                .containsEntry(Currency.USD, Money.zero(Currency.USD));
        assertThat(details.version()).isEqualTo(13);
        assertThat(details.firstRecordedAt()).isEqualTo(T0);
        assertThat(details.lastRecordedAt()).isEqualTo(T0.plusSeconds(13 * 60));
    }

    @Test
    void redeliveringEveryEventChangesNothing() throws Exception {
        ProjectStream project = ProjectStream.fresh();
        List<EventMessage<?>> events = wholeLife(project);
        deliver(events);
        Map<String, List<Map<String, Object>>> before = TableSnapshot.of(jdbc);

        deliver(events);
        List<EventMessage<?>> reversed = new ArrayList<>(events);
        java.util.Collections.reverse(reversed);
        deliver(reversed);

        assertThat(TableSnapshot.of(jdbc)).isEqualTo(before);
    }

    @Test
    void anEventAtOrBelowTheStoredVersionIsIgnored() throws Exception {
        ProjectStream project = ProjectStream.fresh();
        EventMessage<?> negotiation;
        deliver(List.of(
                project.next(Facts.lead(project.projectId(), "旧项目", "360802", LocalDate.of(2024, 1, 5)), T0),
                negotiation = project.next(new NegotiationStartedEvent(project.projectId(), LocalDate.of(2024, 1, 6)), T0.plusSeconds(1)),
                project.next(new ProjectSignedEvent(project.projectId(), Money.cny("1000000"), null,
                        new ResponsibleLeader("李四", null, null), LocalDate.of(2024, 1, 7)), T0.plusSeconds(2))));

        deliver(List.of(negotiation));

        ProjectDetails details = find(project.projectId());
        assertThat(details.stage()).isEqualTo(ProjectStage.SIGNED);
        assertThat(details.version()).isEqualTo(2);
        assertThat(details.lastRecordedAt()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void registrationAtALaterStageOnlySetsTheFlag() throws Exception {
        ProjectStream project = ProjectStream.fresh();
        deliver(List.of(
                project.next(Facts.lead(project.projectId(), "后入库项目", "360802", LocalDate.of(2024, 1, 5)), T0),
                project.next(new ProjectSignedEvent(project.projectId(), Money.cny("1000000"), null,
                        new ResponsibleLeader("李四", null, null), LocalDate.of(2024, 1, 7)), T0.plusSeconds(1)),
                project.next(new ConstructionStartedEvent(project.projectId(), LocalDate.of(2024, 2, 1)), T0.plusSeconds(2)),
                project.next(new ProjectRegisteredEvent(project.projectId(),
                        new Evidence(EvidenceKind.CONTRACT_DOCUMENTS, "R-1"), LocalDate.of(2024, 2, 2)), T0.plusSeconds(3))));

        ProjectDetails details = find(project.projectId());
        assertThat(details.stage()).isEqualTo(ProjectStage.UNDER_CONSTRUCTION);
        assertThat(details.registered()).isTrue();
        assertThat(details.milestones().registeredOn()).isEqualTo(LocalDate.of(2024, 2, 2));
    }

    @Test
    void abandonmentEndsTheProjectWithItsReason() throws Exception {
        ProjectStream project = ProjectStream.fresh();
        deliver(List.of(
                project.next(Facts.lead(project.projectId(), "放弃的项目", "360802", LocalDate.of(2024, 1, 5)), T0),
                project.next(new ProjectAbandonedEvent(project.projectId(), "投资方撤回", LocalDate.of(2024, 3, 1)), T0.plusSeconds(1))));

        ProjectDetails details = find(project.projectId());
        assertThat(details.stage()).isEqualTo(ProjectStage.ABANDONED);
        assertThat(details.endReason()).isEqualTo("投资方撤回");
        assertThat(details.milestones().endedOn()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(details.contractAmount()).isNull();
        assertThat(details.land()).isNull();
    }

    @Test
    void anEventOfAProjectWithoutARowFailsInsteadOfBeingSkipped() {
        ProjectStream project = ProjectStream.fresh();
        project.next(Facts.lead(project.projectId(), "never delivered", "360802", LocalDate.of(2024, 1, 5)), T0);
        EventMessage<?> orphan = project.next(new NegotiationStartedEvent(project.projectId(), LocalDate.of(2024, 1, 6)), T0);

        assertThatThrownBy(() -> projection.handle(orphan))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(project.projectId());
    }

    @Test
    void aResetEmptiesEveryTableOfTheProjection() throws Exception {
        ProjectStream project = ProjectStream.fresh();
        deliver(wholeLife(project));

        projection.prepareReset();

        assertThat(jdbc.sql("SELECT count(*) FROM project_view").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM project_capital_arrival").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM project_ceremony").query(Long.class).single()).isZero();
    }

    @Test
    void anUnknownProjectIsNotFound() {
        assertThat(queries.handle(new FindProjectQuery("no-such-project"))).isEmpty();
    }

    private ProjectDetails find(String projectId) {
        return queries.handle(new FindProjectQuery(projectId)).orElseThrow();
    }

    private void deliver(List<? extends EventMessage<?>> events) throws Exception {
        for (EventMessage<?> event : events) {
            projection.handle(event);
        }
    }

    /** Fourteen events, sequences 0–13, one minute apart: every kind a project can live through, short of an end. */
    static List<EventMessage<?>> wholeLife(ProjectStream project) {
        String id = project.projectId();
        List<EventMessage<?>> events = new ArrayList<>();
        Instant[] at = {T0};
        java.util.function.Function<Object, EventMessage<?>> next = event -> {
            EventMessage<?> message = project.next(event, at[0]);
            at[0] = at[0].plusSeconds(60);
            return message;
        };
        events.add(next.apply(Facts.lead(id, "年产10万吨锂电新材料项目", "360802", LocalDate.of(2024, 1, 5))));
        events.add(next.apply(new NegotiationStartedEvent(id, LocalDate.of(2024, 1, 20))));
        events.add(next.apply(new IntentAgreementSignedEvent(id, Money.cny("80000000"), LocalDate.of(2024, 2, 1))));
        events.add(next.apply(new ProjectSignedEvent(id, Money.cny("92900000.00"), "2024 春季签约会",
                new ResponsibleLeader("张三", "区长", null), LocalDate.of(2024, 3, 1))));
        events.add(next.apply(new ProjectRegisteredEvent(id, new Evidence(EvidenceKind.CONTRACT_DOCUMENTS, "入库-2024-017"),
                LocalDate.of(2024, 3, 10))));
        events.add(next.apply(new LandAssignedEvent(id, "DK2024-031", new BigDecimal("120.5"), LocalDate.of(2024, 3, 20))));
        events.add(next.apply(new ConstructionStartedEvent(id, LocalDate.of(2024, 4, 1))));
        events.add(next.apply(new CapitalArrivedEvent(id, "a1", Money.cny("30000000"), false, LocalDate.of(2024, 5, 10))));
        events.add(next.apply(new CapitalVerifiedEvent(id, "a1", Money.cny("30000000"), Money.cny("29000000"),
                new Evidence(EvidenceKind.BANK_RECEIPT, "进账单 0042"), LocalDate.of(2024, 5, 20))));
        events.add(next.apply(new CapitalArrivedEvent(id, "a2", Money.usd("1500000"), true, LocalDate.of(2024, 5, 25))));
        events.add(next.apply(new ResponsibleLeaderAssignedEvent(id, new ResponsibleLeader("王五", "副区长", "wangwu"),
                LocalDate.of(2024, 5, 26))));
        events.add(next.apply(new ProjectPresentedAtCeremonyEvent(id, "2024 秋季签约会", LocalDate.of(2024, 5, 28))));
        events.add(next.apply(new ConstructionCompletedEvent(id, LocalDate.of(2024, 6, 1))));
        events.add(next.apply(new ProductionStartedEvent(id, LocalDate.of(2024, 6, 15))));
        return events;
    }
}
