/**
 * Leaders' views: what they count, and how. (Routes: {@code GET /api/campaigns[/{id}[/progress]]},
 * {@code GET /api/rankings}, {@code GET /api/conversion}, {@code GET /api/bulletins[/{id}]}.)
 *
 * <h2>Projections</h2>
 * Processing groups, pooled, batch 100, each resettable ({@code @ResetHandler} empties its tables) and idempotent
 * (every write is an upsert keyed by the fact itself):
 * <ul>
 *   <li>{@code leader-views} ({@link com.zhaoshang.ledger.query.views.LeaderViewsProjection}): {@code views_unit}
 *   (the unit tree; subtrees are walked at query time, so a district's figures always include its towns),
 *   {@code views_project} (stage dates, contract), {@code views_capital_arrival}, {@code views_fact} (one row per
 *   counting fact and indicator, with its recording time), and, in the same transactions, {@code views_count}
 *   (counters per unit, indicator or funnel stage, and day / month / year, kept by deltas keyed by the fact, see
 *   {@link com.zhaoshang.ledger.query.views.ViewCounters}) and {@code views_unit_closure} (the tree's ancestor /
 *   descendant pairs). The plain leaders' queries read the counters and the closure; views as known at an instant
 *   (bulletins), minimum-amount filters and a conversion narrowed to an industry read the facts;</li>
 *   <li>{@code campaign-views}: campaigns and targets;</li>
 *   <li>{@code bulletin-views}: bulletins, frozen once projected (after {@code leader-views} and
 *   {@code campaign-views} have committed everything up to the bulletin's position).</li>
 * </ul>
 *
 * <h2>Counting (by {@code occurredOn}, both ends of a window inclusive)</h2>
 * LEADS_COLLECTED = leads registered; COMPANIES_VISITED / INVESTOR_INSPECTIONS = activities of that kind;
 * PROJECTS_SIGNED = {@code ProjectSignedEvent} only (a presentation at another ceremony never counts);
 * SIGNED_AMOUNT = sum of contract amounts in the target's currency (CNY unless the target names USD);
 * CONSTRUCTION_STARTED, PRODUCTION_STARTED = those events; CAPITAL_VERIFIED_CNY / _USD = verified amounts only,
 * in their own currency, dated by the arrival's {@code occurredOn}. Filters: {@code industrial} (GB/T 4754 sections
 * B–D), {@code minAmount} on the contract amount (for leads the intended amount) in the same currency.
 *
 * <h2>Targets and completion</h2>
 * Counts are whole numbers, amounts in yuan or dollars with at most two decimals. Completion = actual / target,
 * three decimals, half up (93/192 = 0.484). Progress totals add up the top-most targeted units of each measure (never
 * a subtree twice); roll-up rows give each ancestor of a targeted unit its whole subtree's actual against the sum of
 * the targets below it.
 *
 * <h2>Rankings</h2>
 * See {@link com.zhaoshang.ledger.query.ranking.RankingService}: weighted mean of capped completions
 * ({@code ledger.ranking.weights.*}, {@code completion-cap}), minus {@code overdue-deduction} per project signed more
 * than {@code construction-deadline-days} before the period's end without construction start; ties by score desc,
 * verified CNY capital desc, unit id asc; previous rank from the preceding period of the same length; colours by
 * {@code green-threshold} / {@code yellow-threshold} times the elapsed share of the period, RED when anything is overdue.
 *
 * <h2>Conversion</h2>
 * See {@link com.zhaoshang.ledger.query.conversion.ConversionService}: funnel per stage in the period; rates over the
 * cohort signed in the period; medians of days between stages.
 *
 * <h2>Bulletins</h2>
 * A {@code BulletinPublishedEvent} carries what is ranked (peer group or campaign, period); its recording time is the
 * publication instant. The query side computes the ranking <em>as known at</em> that instant (facts recorded later,
 * late entries, are ignored) and stores the rows; they never change afterwards, and a rebuild produces them again.
 * As XLSX: 单位, 单位名称, 排名, 上期排名, 得分, 预警, then per indicator 完成数 / 目标数 / 完成率.
 */
package com.zhaoshang.ledger.query.views;
