package com.zhaoshang.ledger.query.activity;

import com.zhaoshang.ledger.api.query.PageRequest;
import com.zhaoshang.ledger.api.query.activity.ActivityDetails;
import com.zhaoshang.ledger.api.query.activity.ActivityPage;
import com.zhaoshang.ledger.api.query.activity.FindActivitiesQuery;
import com.zhaoshang.ledger.api.value.ActivityKind;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.query.testing.Facts;
import com.zhaoshang.ledger.query.testing.QueryTestDatabase;
import com.zhaoshang.ledger.query.testing.TableSnapshot;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The activities projection without Spring. */
class ActivitiesProjectionTest {

    private static final Instant T0 = Instant.parse("2024-07-01T02:00:00Z");
    private static DataSource dataSource;

    private JdbcClient jdbc;
    private AnnotationEventHandlerAdapter projection;
    private ActivitiesQueryHandler queries;

    @BeforeAll
    static void database() throws Exception {
        dataSource = QueryTestDatabase.migrated("activities-projection");
        AnnotationEventHandlerAdapter units = new AnnotationEventHandlerAdapter(new UnitsProjection(JdbcClient.create(dataSource)));
        units.handle(Facts.unit("360800", "吉安市", UnitKind.CITY, null, "city", T0));
        units.handle(Facts.unit("360802", "吉州区", UnitKind.DISTRICT, "360800", "districts", T0));
        units.handle(Facts.unit("360803", "青原区", UnitKind.DISTRICT, "360800", "districts", T0));
    }

    @BeforeEach
    void wire() throws Exception {
        jdbc = JdbcClient.create(dataSource);
        projection = new AnnotationEventHandlerAdapter(new ActivitiesProjection(jdbc, new NamedParameterJdbcTemplate(dataSource)));
        projection.prepareReset();
        queries = new ActivitiesQueryHandler(jdbc, new DataSourceTransactionManager(dataSource));
    }

    @Test
    void anActivityIsProjectedWithWhoRecordedIt() throws Exception {
        projection.handle(Facts.activity("act-1", "360802", ActivityKind.COMPANY_VISIT, "走访比亚迪",
                LocalDate.of(2024, 7, 3), T0));

        ActivityDetails activity = queries.handle(query(null, true, null, null, null)).items().get(0);
        assertThat(activity).isEqualTo(new ActivityDetails("act-1", new UnitId("360802"), ActivityKind.COMPANY_VISIT,
                "走访比亚迪", LocalDate.of(2024, 7, 3), T0, Facts.FRONT_OFFICE.userId()));
    }

    @Test
    void activitiesAreFilteredByUnitSubtreeKindAndInclusiveDates() throws Exception {
        deliver(List.of(
                Facts.activity("a-city", "360800", ActivityKind.PROMOTION_EVENT, "推介会", LocalDate.of(2024, 7, 1), T0),
                Facts.activity("a-jz-1", "360802", ActivityKind.COMPANY_VISIT, "走访", LocalDate.of(2024, 7, 2), T0),
                Facts.activity("a-jz-2", "360802", ActivityKind.INVESTOR_INSPECTION, "考察", LocalDate.of(2024, 7, 5), T0),
                Facts.activity("a-qy-1", "360803", ActivityKind.COMPANY_VISIT, "走访", LocalDate.of(2024, 7, 9), T0)));

        assertThat(ids(query("360800", true, null, null, null))).containsExactly("a-qy-1", "a-jz-2", "a-jz-1", "a-city");
        assertThat(ids(query("360800", false, null, null, null))).containsExactly("a-city");
        assertThat(ids(query("360802", true, null, null, null))).containsExactly("a-jz-2", "a-jz-1");
        assertThat(ids(query(null, true, ActivityKind.COMPANY_VISIT, null, null))).containsExactly("a-qy-1", "a-jz-1");
        assertThat(ids(query(null, true, null, LocalDate.of(2024, 7, 2), LocalDate.of(2024, 7, 5))))
                .containsExactly("a-jz-2", "a-jz-1");
    }

    @Test
    void pagesCountEverythingAndHoldTheirShare() throws Exception {
        for (int i = 0; i < 5; i++) {
            projection.handle(Facts.activity("p-" + i, "360803", ActivityKind.OUTBOUND_TRIP, "外出招商 " + i,
                    LocalDate.of(2024, 8, 1 + i), T0));
        }

        ActivityPage second = queries.handle(new FindActivitiesQuery(null, true, null, null, null, new PageRequest(1, 2)));

        assertThat(second.totalItems()).isEqualTo(5);
        assertThat(second.totalPages()).isEqualTo(3);
        assertThat(second.items()).extracting(ActivityDetails::id).containsExactly("p-2", "p-1");
    }

    @Test
    void redeliveringAnActivityChangesNothing() throws Exception {
        EventMessage<?> event = Facts.activity("dup-1", "360802", ActivityKind.COMPANY_VISIT, "走访",
                LocalDate.of(2024, 7, 3), T0);
        projection.handle(event);
        var before = TableSnapshot.of(jdbc);

        projection.handle(event);

        assertThat(TableSnapshot.of(jdbc)).isEqualTo(before);
    }

    private static FindActivitiesQuery query(String unitId, boolean includeSubunits, ActivityKind kind, LocalDate from,
                                             LocalDate to) {
        return new FindActivitiesQuery(unitId == null ? null : new UnitId(unitId), includeSubunits, kind, from, to,
                PageRequest.first());
    }

    private List<String> ids(FindActivitiesQuery query) {
        return queries.handle(query).items().stream().map(ActivityDetails::id).toList();
    }

    private void deliver(List<EventMessage<?>> events) throws Exception {
        for (EventMessage<?> event : events) {
            projection.handle(event);
        }
    }
}
