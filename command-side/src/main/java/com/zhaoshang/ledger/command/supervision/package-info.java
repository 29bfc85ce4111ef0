/**
 * Supervision rules 1–5 of DOMAIN.md as recorded facts on persistent deadlines: 1–3 (限时开工, 签约即止,
 * 圈而不建/占而不用) on the {@code Project} aggregate; supervision cases ({@link
 * com.zhaoshang.ledger.command.supervision.SupervisionCase}, opened by an inspector or by a construction-overdue
 * finding through {@link com.zhaoshang.ledger.command.supervision.OverdueCaseOpener}); complaints (rule 4,
 * {@link com.zhaoshang.ledger.command.supervision.Complaint}); approval requests (rule 5,
 * {@link com.zhaoshang.ledger.command.supervision.ApprovalRequest}, {@code POST /api/approvals}, for industrial
 * projects of ≥ 1亿 CNY or ≥ US$10m read from the project's facts by
 * {@link com.zhaoshang.ledger.command.supervision.ProjectInvestments}). Working days follow the configured calendar
 * ({@link com.zhaoshang.ledger.command.supervision.WorkingDays}, {@code ledger.rules.calendar.*}, default the State
 * Council's 2026 holidays and 调休 weekends). Supervision cases escalate one level up the unit tree every
 * {@code ledger.rules.case-escalation-overdue-periods} overdue records.
 * <p>
 * Rules 8 (防止水份) and 9 (late entries) need no deadline: the {@code Project} aggregate checks them with the fact
 * they watch and applies {@code ReportedVerifiedGapFlaggedEvent} / {@code LateEntryFlaggedEvent} in the same command
 * ({@link com.zhaoshang.ledger.command.supervision.SupervisionRules#verifiedFallsShortOfReported},
 * {@link com.zhaoshang.ledger.command.supervision.SupervisionRules#isLateEntry}).
 * <p>
 * <b>Design.</b> The {@code Project} aggregate owns the rules (no saga): its command handlers schedule and cancel
 * deadlines ({@link com.zhaoshang.ledger.command.supervision.RuleDeadlines}: names, due days, what cancels them) and
 * its {@code @DeadlineHandler}s decide from the aggregate's state and the injected {@code Clock}, then apply an event
 * of {@code com.zhaoshang.ledger.api.supervision} naming the rule and the parameter values used. The state guards
 * make every rule fire once even if a deadline were delivered twice; a fact that resolves the condition cancels
 * the pending deadlines, and the state would ignore a deadline that escaped cancellation.
 * <p>
 * <b>Persistence.</b> Deadlines live in PostgreSQL: {@code db-scheduler-spring-boot-starter} creates a db-scheduler
 * {@code Scheduler} over the command side's DataSource (table {@code scheduled_tasks}, Flyway {@code V30}), and
 * Axon's {@code AxonDbSchedulerAutoConfiguration} then builds the {@code DbSchedulerDeadlineManager} (payloads
 * serialized with the event serializer, Jackson). Scheduling joins the command's transaction, so a refused command
 * schedules nothing. The scheduler starts once the context is ready (after Flyway), polls every
 * {@code db-scheduler.polling-interval} (10 s) and runs a deadline that fell due while the application was down at
 * its next poll after the restart.
 * <p>
 * <b>Parameters.</b> {@code ledger.rules.*} ({@link com.zhaoshang.ledger.command.supervision.SupervisionRules}),
 * defaults 180/30/60/365/730 days. A deadline's payload keeps the values it was scheduled with.
 * <p>
 * <b>Days.</b> Deadlines trigger at 00:00 Asia/Shanghai of the due date: warning on day 150 after signing, overdue
 * on day 181 (a start on day 180 is still in time), stalled on day 60, idle land on day 365, reclaim proposal on day
 * 730 after the land assignment. {@code occurredOn} of a rule's event is the due date, {@code detectedOn} the
 * business date by the clock when it fired (later only if the system was down).
 * <p>
 * <b>Inspector.</b> {@code POST /api/projects/{id}/land-reclamation} (INSPECTOR, If-Match) confirms a reclaim
 * proposal ({@code LandReclaimedEvent}); the stage is unchanged.
 */
package com.zhaoshang.ledger.command.supervision;
