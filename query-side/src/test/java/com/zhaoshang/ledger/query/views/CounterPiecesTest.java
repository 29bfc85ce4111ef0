package com.zhaoshang.ledger.query.views;

import com.zhaoshang.ledger.query.views.IndicatorCounter.Piece;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A window read from the day / month / year counters counts every one of its days once and no other day. */
class CounterPiecesTest {

    @Test
    void everyDayOfTheWindowCountsOnceAndNoOtherDay() {
        Random random = new Random(110L);
        LocalDate base = LocalDate.of(2019, 1, 1);
        for (int round = 0; round < 3000; round++) {
            LocalDate from = base.plusDays(random.nextInt(2000));
            LocalDate to = from.plusDays(random.nextInt(round % 3 == 0 ? 40 : 1200));
            Map<LocalDate, Integer> weight = weights(IndicatorCounter.pieces(from, to));
            for (LocalDate day = from.minusDays(400); !day.isAfter(to.plusDays(400)); day = day.plusDays(1)) {
                boolean inside = !day.isBefore(from) && !day.isAfter(to);
                assertThat(weight.getOrDefault(day, 0)).as("%s in %s..%s", day, from, to).isEqualTo(inside ? 1 : 0);
            }
        }
    }

    @Test
    void aWindowReadsFewRows() {
        // two years but a day: 2023 minus its first day, then 2024
        List<Piece> pieces = IndicatorCounter.pieces(LocalDate.of(2023, 1, 2), LocalDate.of(2024, 12, 31));
        assertThat(pieces).containsExactly(
                new Piece('Y', LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 1), 1),
                new Piece('D', LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 1), -1),
                new Piece('Y', LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1), 1));
        // the middle of a month: its days
        assertThat(IndicatorCounter.pieces(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 12)))
                .containsExactly(new Piece('D', LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 12), 1));
        assertThat(IndicatorCounter.pieces(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)))
                .containsExactly(new Piece('Y', LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), 1));
        assertThat(IndicatorCounter.pieces(LocalDate.of(2025, 3, 5), LocalDate.of(2025, 3, 4))).isEmpty();
    }

    /** How many times each day is counted by the pieces (signs included). */
    private static Map<LocalDate, Integer> weights(List<Piece> pieces) {
        Map<LocalDate, Integer> weight = new HashMap<>();
        for (Piece piece : pieces) {
            for (LocalDate start = piece.first(); !start.isAfter(piece.last()); start = next(piece.grain(), start)) {
                LocalDate end = next(piece.grain(), start);
                for (LocalDate day = start; day.isBefore(end); day = day.plusDays(1)) {
                    weight.merge(day, piece.sign(), Integer::sum);
                }
            }
        }
        return weight;
    }

    private static LocalDate next(char grain, LocalDate start) {
        return grain == 'Y' ? start.plusYears(1) : grain == 'M' ? start.plusMonths(1) : start.plusDays(1);
    }
}
