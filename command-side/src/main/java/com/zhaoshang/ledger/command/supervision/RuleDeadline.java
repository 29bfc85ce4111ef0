package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.command.common.LedgerTime;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The payload of a rule's deadline: the date it counts from, the business date it is due, and the parameter values
 * used to compute it (kept, so a later change of configuration does not rewrite a pending deadline).
 *
 * @param since      the fact the rule counts from (signing, land assignment)
 * @param dueOn      the business date the rule fires: {@code since + days}
 * @param days       the rule's period in days ({@code construction-deadline-days} + 1 for the overdue finding, …)
 * @param deadlineOn for the construction rules, the last day construction may start ({@code since +
 *                   construction-deadline-days}); otherwise null
 */
public record RuleDeadline(LocalDate since, LocalDate dueOn, int days, LocalDate deadlineOn) {

    /** The instant the deadline triggers: the start of {@link #dueOn} in Asia/Shanghai, never the day before. */
    public Instant triggersAt() {
        return dueOn.atStartOfDay(LedgerTime.ZONE).toInstant();
    }

}
