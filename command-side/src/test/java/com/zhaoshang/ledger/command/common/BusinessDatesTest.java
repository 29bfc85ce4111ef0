package com.zhaoshang.ledger.command.common;

import com.zhaoshang.ledger.api.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessDatesTest {

    /** 23:59 on 30 June in Shanghai. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T15:59:00Z"), ZoneOffset.UTC);

    @Test
    void todayIsTheDateInShanghai() {
        assertThat(LedgerTime.today(CLOCK)).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(LedgerTime.today(Clock.offset(CLOCK, java.time.Duration.ofMinutes(1))))
                .isEqualTo(LocalDate.of(2024, 7, 1));
    }

    @Test
    void aDeclaredDateLiesBetween2000AndToday() {
        assertThatCode(() -> BusinessDates.requireDeclaredDate(LocalDate.of(2000, 1, 1), CLOCK, "lead"))
                .doesNotThrowAnyException();
        assertThatCode(() -> BusinessDates.requireDeclaredDate(LocalDate.of(2024, 6, 30), CLOCK, "lead"))
                .doesNotThrowAnyException();
        assertRuleViolated(() -> BusinessDates.requireDeclaredDate(LocalDate.of(2024, 7, 1), CLOCK, "lead"));
        assertRuleViolated(() -> BusinessDates.requireDeclaredDate(LocalDate.of(1999, 12, 31), CLOCK, "lead"));
        assertRuleViolated(() -> BusinessDates.requireDeclaredDate(null, CLOCK, "lead"));
    }

    @Test
    void aFactNeverPrecedesTheFactItFollows() {
        LocalDate signed = LocalDate.of(2024, 4, 1);
        assertThatCode(() -> BusinessDates.requireNotBefore(signed, signed, "construction start", "signing"))
                .doesNotThrowAnyException();
        assertThatCode(() -> BusinessDates.requireNotBefore(signed, null, "construction start", "signing"))
                .doesNotThrowAnyException();
        assertRuleViolated(() -> BusinessDates.requireNotBefore(signed.minusDays(1), signed, "construction start",
                "signing"));
    }

    private static void assertRuleViolated(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(CommandExecutionException.class)
                .satisfies(e -> assertThat(((CommandExecutionException) e).getDetails()).contains(ErrorCode.RULE_VIOLATED));
    }
}
