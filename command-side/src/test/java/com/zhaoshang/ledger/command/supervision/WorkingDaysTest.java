package com.zhaoshang.ledger.command.supervision;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The working-day calendar, with the defaults of {@code command-side-defaults.properties} (State Council, 2026). */
class WorkingDaysTest {

    /** The calendar exactly as the defaults configure it. */
    static WorkingDays defaults2026() {
        Properties properties = new Properties();
        try (InputStream in = WorkingDaysTest.class.getResourceAsStream("/ledger/command-side-defaults.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the command side's defaults", e);
        }
        return WorkingDays.parse(properties.getProperty("ledger.rules.calendar.holidays"),
                properties.getProperty("ledger.rules.calendar.working-weekends"));
    }

    @Test
    void theDefaultsAreTheStateCouncils2026Calendar() {
        WorkingDays calendar = defaults2026();
        assertThat(calendar.holidays()).hasSize(33)
                .contains(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 23),
                        LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 5), LocalDate.of(2026, 6, 19),
                        LocalDate.of(2026, 9, 25), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7))
                .doesNotContain(LocalDate.of(2026, 10, 8));
        assertThat(calendar.workingWeekends()).containsExactly(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14),
                LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20),
                LocalDate.of(2026, 10, 10));
    }

    @Test
    void holidaysAreNotWorkingDaysAndAdjustedWeekendsAre() {
        WorkingDays calendar = defaults2026();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).as("国庆, a Thursday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 8))).as("the Thursday after 国庆").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("调休 Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).as("an ordinary Sunday").isFalse();
        assertThat(LocalDate.of(2026, 10, 10).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    }

    @Test
    void fiveWorkingDaysAcross国庆CountTheAdjustedSaturday() {
        WorkingDays calendar = defaults2026();
        // From Wed 30 Sep: 8 Oct (Thu), 9 (Fri), 10 (Sat, 调休), 12 (Mon), 13 (Tue).
        assertThat(calendar.plus(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 13));
        assertThat(WorkingDays.weekdaysOnly().plus(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 7));
        // From Fri 18 Sep: Sun 20 Sep (调休) counts, then 21, 22, 23, 24 Sep.
        assertThat(calendar.plus(LocalDate.of(2026, 9, 18), 5)).isEqualTo(LocalDate.of(2026, 9, 24));
    }

    @Test
    void aWorkingWeekendThatIsNoWeekendIsAConfigurationError() {
        assertThatThrownBy(() -> WorkingDays.parse("", "2026-10-09"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FRIDAY");
        assertThatThrownBy(() -> WorkingDays.parse("2026-10-10", "2026-10-10"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both");
    }
}
