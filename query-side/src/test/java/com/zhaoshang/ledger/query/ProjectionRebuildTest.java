package com.zhaoshang.ledger.query;

import com.zhaoshang.ledger.api.project.CapitalArrivedEvent;
import com.zhaoshang.ledger.api.project.CapitalVerifiedEvent;
import com.zhaoshang.ledger.api.project.ProjectPresentedAtCeremonyEvent;
import com.zhaoshang.ledger.api.project.ProjectSignedEvent;
import com.zhaoshang.ledger.api.value.ActivityKind;
import com.zhaoshang.ledger.api.value.Evidence;
import com.zhaoshang.ledger.api.value.EvidenceKind;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.query.activity.ActivitiesProjection;
import com.zhaoshang.ledger.query.project.ProjectsProjection;
import com.zhaoshang.ledger.query.testing.Facts;
import com.zhaoshang.ledger.query.testing.Facts.ProjectStream;
import com.zhaoshang.ledger.query.testing.QuerySideIntegrationTest;
import com.zhaoshang.ledger.query.testing.TableSnapshot;
import com.zhaoshang.ledger.query.unit.UnitsProjection;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every projection can be thrown away and rebuilt from the event store: shut down, reset tokens (the reset handlers
 * empty the tables), start, catch up — and every table holds exactly what it held before.
 */
class ProjectionRebuildTest extends QuerySideIntegrationTest {

    private static final List<String> GROUPS = List.of(UnitsProjection.GROUP, ProjectsProjection.GROUP,
            ActivitiesProjection.GROUP);

    @Test
    void resettingEveryProcessorRebuildsIdenticalTables() {
        publish(someHistory(new Random(20240701)));
        GROUPS.forEach(this::awaitCaughtUp);
        Map<String, List<Map<String, Object>>> before = TableSnapshot.of(jdbc);
        assertThat(before.get("project_view")).hasSizeGreaterThanOrEqualTo(40);
        assertThat(before.get("project_capital_arrival")).isNotEmpty();
        assertThat(before.get("project_ceremony")).isNotEmpty();
        assertThat(before.get("activity_view")).hasSizeGreaterThanOrEqualTo(30);
        assertThat(before.get("unit_view")).hasSizeGreaterThanOrEqualTo(6);

        long head = headPosition();
        for (String group : GROUPS) {
            StreamingEventProcessor processor = processor(group);
            assertThat(processor.supportsReset()).as(group + " supports reset").isTrue();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        for (String group : GROUPS) {
            awaitCaughtUp(processor(group), head);
        }

        assertThat(TableSnapshot.of(jdbc)).isEqualTo(before);
    }

    /** Units, then 40 projects at random stages with capital and ceremonies, and 30 activities. */
    private List<EventMessage<?>> someHistory(Random random) {
        List<EventMessage<?>> events = new ArrayList<>();
        Instant at = Instant.parse("2025-01-01T00:00:00Z");
        String city = Facts.freshUnitId("city");
        List<String> units = new ArrayList<>(List.of(city));
        events.add(Facts.unit(city, "市", UnitKind.CITY, null, "city", at));
        for (int d = 0; d < 3; d++) {
            String district = Facts.freshUnitId("district");
            String town = Facts.freshUnitId("town");
            events.add(Facts.unit(district, "区" + d, UnitKind.DISTRICT, city, "districts", at));
            events.add(Facts.unit(town, "镇" + d, UnitKind.TOWN, district, "towns", at));
            units.add(district);
            units.add(town);
        }
        for (int p = 0; p < 40; p++) {
            ProjectStream project = new ProjectStream("rebuild-" + city + "-" + p);
            String unit = units.get(random.nextInt(units.size()));
            at = at.plusSeconds(1 + random.nextInt(600));
            events.add(project.next(Facts.lead(project.projectId(), "项目" + p, unit, LocalDate.of(2025, 1, 2)), at));
            if (random.nextBoolean()) {
                events.add(project.next(new ProjectSignedEvent(project.projectId(),
                        Money.cny(1_000_000 + random.nextInt(90_000_000) + ".5"), "签约会" + p % 3,
                        new ResponsibleLeader("领导" + p, "副区长", null), LocalDate.of(2025, 2, 1)), at.plusSeconds(1)));
                int arrivals = random.nextInt(3);
                for (int a = 0; a < arrivals; a++) {
                    Money amount = a % 2 == 0 ? Money.cny(String.valueOf(100_000 + random.nextInt(1_000_000)))
                            : Money.usd(String.valueOf(10_000 + random.nextInt(100_000)));
                    events.add(project.next(new CapitalArrivedEvent(project.projectId(), "arr-" + a, amount,
                            amount.currency() == com.zhaoshang.ledger.api.value.Currency.USD, LocalDate.of(2025, 3, 1 + a)),
                            at.plusSeconds(2 + a)));
                    if (random.nextBoolean()) {
                        EvidenceKind kind = amount.currency() == com.zhaoshang.ledger.api.value.Currency.USD
                                ? EvidenceKind.FOREIGN_EXCHANGE_RECORD : EvidenceKind.BANK_RECEIPT;
                        events.add(project.next(new CapitalVerifiedEvent(project.projectId(), "arr-" + a, amount, amount,
                                new Evidence(kind, "凭证-" + p + "-" + a), LocalDate.of(2025, 3, 20)), at.plusSeconds(5 + a)));
                    }
                }
                if (random.nextInt(4) == 0) {
                    events.add(project.next(new ProjectPresentedAtCeremonyEvent(project.projectId(), "秋季签约会",
                            LocalDate.of(2025, 4, 1)), at.plusSeconds(9)));
                }
            }
        }
        for (int a = 0; a < 30; a++) {
            events.add(Facts.activity("rebuild-" + city + "-act-" + a, units.get(random.nextInt(units.size())),
                    ActivityKind.values()[random.nextInt(ActivityKind.values().length)], "活动" + a,
                    LocalDate.of(2025, 1, 1).plusDays(random.nextInt(100)), at.plusSeconds(a)));
        }
        return events;
    }
}
