package com.zhaoshang.ledger.query.audit.late;

import com.zhaoshang.ledger.api.project.LandAssignedEvent;
import com.zhaoshang.ledger.api.supervision.ConstructionOverdueEvent;
import com.zhaoshang.ledger.api.value.UnitId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The two rules of the late-entry projection that need no database: the lag, and which facts a unit declared. */
class LateEntriesProjectionTest {

    @Test
    void theLagCountsBeijingDays() {
        LocalDate occurredOn = LocalDate.of(2025, 3, 1);
        assertThat(LateEntriesProjection.lagDays(occurredOn, Instant.parse("2025-03-08T15:59:59Z"))).isEqualTo(7);
        assertThat(LateEntriesProjection.lagDays(occurredOn, Instant.parse("2025-03-08T16:00:00Z"))).isEqualTo(8);
        assertThat(LateEntriesProjection.lagDays(occurredOn, Instant.parse("2025-02-28T15:00:00Z"))).isEqualTo(-1);
    }

    @Test
    void onlyFactsAUnitDeclaresCanBeLateEntries() {
        assertThat(LateEntriesProjection.isDeclaredByAUnit(new LandAssignedEvent("p", "DK-1", new BigDecimal("10"),
                LocalDate.of(2025, 3, 1)))).isTrue();
        assertThat(LateEntriesProjection.isDeclaredByAUnit(new ConstructionOverdueEvent("p", new UnitId("360802"), null,
                null, LocalDate.of(2024, 9, 1), LocalDate.of(2025, 2, 28), 180, LocalDate.of(2025, 2, 28),
                LocalDate.of(2025, 3, 1)))).isFalse();
    }
}
