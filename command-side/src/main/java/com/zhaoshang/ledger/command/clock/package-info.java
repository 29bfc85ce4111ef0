/**
 * A clock that can be moved, for demos and acceptance runs (issue 4 item 7). Off by default; on with
 * {@code ledger.demo-clock.enabled=true} (e.g. {@code --ledger.demo-clock.enabled=true} on the single-process jar),
 * optionally starting at {@code ledger.demo-clock.start=<ISO instant>}; the context refuses to start when the
 * {@code prod} profile is active. {@code POST /api/admin/clock/advance {"days": n}} (ADMIN) moves it forward and
 * answers {@code {"now", "offsetDays"}}.
 * <p>
 * The moved time reaches every reader: the {@code Clock} bean of both sides (decisions, the query side's "days
 * overdue"), db-scheduler's own clock (so deadlines become due in moved time; the route also triggers an immediate
 * check instead of waiting for the next poll) and Axon's event recording time ({@code GenericEventMessage.clock}).
 * A query side running as its own process keeps the system clock.
 */
package com.zhaoshang.ledger.command.clock;
