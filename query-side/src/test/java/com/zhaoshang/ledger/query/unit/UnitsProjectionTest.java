package com.zhaoshang.ledger.query.unit;

import com.zhaoshang.ledger.api.query.unit.FindUnitQuery;
import com.zhaoshang.ledger.api.query.unit.FindUnitsQuery;
import com.zhaoshang.ledger.api.query.unit.UnitDetails;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.query.testing.Facts;
import com.zhaoshang.ledger.query.testing.QueryTestDatabase;
import com.zhaoshang.ledger.query.testing.TableSnapshot;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The unit tree projection without Spring. */
class UnitsProjectionTest {

    private static final Instant T0 = Instant.parse("2024-07-01T02:00:00Z");
    private static DataSource dataSource;

    private JdbcClient jdbc;
    private AnnotationEventHandlerAdapter projection;
    private UnitsQueryHandler queries;

    @BeforeAll
    static void database() {
        dataSource = QueryTestDatabase.migrated("units-projection");
    }

    @BeforeEach
    void wire() throws Exception {
        jdbc = JdbcClient.create(dataSource);
        projection = new AnnotationEventHandlerAdapter(new UnitsProjection(jdbc));
        projection.prepareReset();
        queries = new UnitsQueryHandler(jdbc);
    }

    @Test
    void eachUnitGetsItsMaterialisedPathAndDepth() throws Exception {
        deliver(cityTree());

        UnitDetails town = queries.handle(new FindUnitQuery(new UnitId("360802101"))).orElseThrow();
        assertThat(town.path()).isEqualTo("/360800/360802/360802101/");
        assertThat(town.depth()).isEqualTo(2);
        assertThat(town.parentId()).isEqualTo(new UnitId("360802"));
        assertThat(town.peerGroup()).isEqualTo("towns");
        assertThat(town.kind()).isEqualTo(UnitKind.TOWN);
        assertThat(town.registeredAt()).isEqualTo(T0.plusSeconds(2));
        UnitDetails city = queries.handle(new FindUnitQuery(new UnitId("360800"))).orElseThrow();
        assertThat(city.path()).isEqualTo("/360800/");
        assertThat(city.depth()).isZero();
        assertThat(city.parentId()).isNull();
    }

    @Test
    void unitsAreListedInTreeOrderAndFilteredBySubtreePeerGroupAndKind() throws Exception {
        deliver(cityTree());

        assertThat(ids(FindUnitsQuery.all()))
                .containsExactly("360800", "360802", "360802101", "360803", "jaz-team-1");
        assertThat(ids(new FindUnitsQuery(new UnitId("360802"), null, null))).containsExactly("360802", "360802101");
        assertThat(ids(new FindUnitsQuery(null, "districts", null))).containsExactly("360802", "360803");
        assertThat(ids(new FindUnitsQuery(null, null, UnitKind.TEAM))).containsExactly("jaz-team-1");
        assertThat(ids(new FindUnitsQuery(new UnitId("360899"), null, null))).isEmpty();
    }

    @Test
    void redeliveringARegistrationChangesNothing() throws Exception {
        List<EventMessage<?>> tree = cityTree();
        deliver(tree);
        var before = TableSnapshot.of(jdbc);

        deliver(tree);

        assertThat(TableSnapshot.of(jdbc)).isEqualTo(before);
    }

    @Test
    void aChildBeforeItsParentFailsInsteadOfGettingAWrongPath() {
        EventMessage<?> orphan = Facts.unit("360899", "无父", UnitKind.DISTRICT, "360898", "districts", T0);

        assertThatThrownBy(() -> projection.handle(orphan))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("360898");
    }

    @Test
    void aResetEmptiesTheTree() throws Exception {
        deliver(cityTree());

        projection.prepareReset();

        assertThat(ids(FindUnitsQuery.all())).isEmpty();
    }

    private List<String> ids(FindUnitsQuery query) {
        return queries.handle(query).items().stream().map(u -> u.id().value()).toList();
    }

    private void deliver(List<EventMessage<?>> events) throws Exception {
        for (EventMessage<?> event : events) {
            projection.handle(event);
        }
    }

    private static List<EventMessage<?>> cityTree() {
        return List.of(
                Facts.unit("360800", "吉安市", UnitKind.CITY, null, "city", T0),
                Facts.unit("360802", "吉州区", UnitKind.DISTRICT, "360800", "districts", T0.plusSeconds(1)),
                Facts.unit("360802101", "兴桥镇", UnitKind.TOWN, "360802", "towns", T0.plusSeconds(2)),
                Facts.unit("360803", "青原区", UnitKind.DISTRICT, "360800", "districts", T0.plusSeconds(3)),
                Facts.unit("jaz-team-1", "驻深圳招商小组", UnitKind.TEAM, "360800", "teams", T0.plusSeconds(4)));
    }
}
