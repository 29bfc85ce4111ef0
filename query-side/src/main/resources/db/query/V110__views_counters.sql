-- Counters of the leaders' views (issue 8): the plain leaders' queries (no "as known at", no minimum-amount filter)
-- read these instead of summing every fact of the period. Kept by the "leader-views" processing group
-- (LeaderViewsProjection, ViewCounters) in the same transaction as the facts; a rebuild resets them with the facts.

-- The counting below reads every fact and project once (23 s at 10^6 events). Flyway migrates through its own
-- connections, without the pool's timeouts (QueryStoreConfiguration.migrationDataSource); the statement timeout is
-- lifted here as well, in case a server-wide one is set.
SET LOCAL statement_timeout = 0;

-- One row per unit x counter x grain x period (x currency x industrial). counter is an indicator name for the facts of
-- views_fact, or 'funnel:<stage column>' for the conversion funnel (projects whose stage date falls in the period).
-- grain: 'D' a day, 'M' a month, 'Y' a year; period_start is the day, the month's first day or the year's first day,
-- so a window is read as whole years, whole months and the days at its edges. currency is '' when the fact has none;
-- industrial 1 / 0, -1 when the fact has none. quantity counts the facts, amount sums their amounts.
CREATE TABLE views_count (
    unit_id      VARCHAR(64)    NOT NULL,
    counter      VARCHAR(40)    NOT NULL,
    grain        CHAR(1)        NOT NULL,
    period_start DATE           NOT NULL,
    currency     VARCHAR(3)     NOT NULL,
    industrial   SMALLINT       NOT NULL,
    quantity     BIGINT         NOT NULL,
    amount       NUMERIC(24, 2) NOT NULL,
    -- the period first: a query reads a few runs of periods of some counters for every unit of a peer group, from the
    -- index alone (the counts included: an update writes a new index entry, the price of index-only reads)
    PRIMARY KEY (grain, period_start, counter, unit_id, currency, industrial) INCLUDE (quantity, amount)
);

-- The unit tree as (ancestor, descendant) pairs, every ancestor of every registered unit (the unit itself excluded),
-- an ancestor possibly not registered itself: exactly the units the recursive walk down from the ancestor reaches.
CREATE TABLE views_unit_closure (
    ancestor   VARCHAR(64) NOT NULL,
    descendant VARCHAR(64) NOT NULL,
    PRIMARY KEY (ancestor, descendant)
);

-- what exists already: the counters of the facts and stages, and the closure of the tree
INSERT INTO views_count (unit_id, counter, grain, period_start, currency, industrial, quantity, amount)
SELECT f.unit_id, f.indicator, g.grain,
       CASE g.grain WHEN 'D' THEN f.occurred_on
                    WHEN 'M' THEN CAST(date_trunc('month', f.occurred_on) AS DATE)
                    ELSE CAST(date_trunc('year', f.occurred_on) AS DATE) END,
       COALESCE(f.currency, ''), CASE WHEN f.industrial IS NULL THEN -1 WHEN f.industrial THEN 1 ELSE 0 END,
       SUM(f.quantity), COALESCE(SUM(f.amount), 0)
FROM views_fact f CROSS JOIN (VALUES ('D'), ('M'), ('Y')) AS g(grain)
GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO views_count (unit_id, counter, grain, period_start, currency, industrial, quantity, amount)
SELECT s.unit_id, 'funnel:' || s.stage, g.grain,
       CASE g.grain WHEN 'D' THEN s.day
                    WHEN 'M' THEN CAST(date_trunc('month', s.day) AS DATE)
                    ELSE CAST(date_trunc('year', s.day) AS DATE) END,
       '', -1, COUNT(*), 0
FROM (SELECT p.unit_id, v.stage, v.day FROM views_project p CROSS JOIN LATERAL (VALUES
          ('lead_on', p.lead_on), ('negotiation_on', p.negotiation_on), ('intent_on', p.intent_on),
          ('signed_on', p.signed_on), ('registered_on', p.registered_on), ('land_on', p.land_on),
          ('construction_on', p.construction_on), ('completed_on', p.completed_on),
          ('production_on', p.production_on), ('terminated_on', p.terminated_on),
          ('abandoned_on', p.abandoned_on)) AS v(stage, day)
      WHERE v.day IS NOT NULL) s
     CROSS JOIN (VALUES ('D'), ('M'), ('Y')) AS g(grain)
GROUP BY 1, 2, 3, 4;

INSERT INTO views_unit_closure (ancestor, descendant)
WITH RECURSIVE up(descendant, ancestor) AS (
    SELECT CAST(unit_id AS VARCHAR), CAST(parent_id AS VARCHAR) FROM views_unit WHERE parent_id IS NOT NULL
    UNION
    SELECT up.descendant, CAST(u.parent_id AS VARCHAR) FROM up JOIN views_unit u ON u.unit_id = up.ancestor
    WHERE u.parent_id IS NOT NULL)
SELECT ancestor, descendant FROM up WHERE ancestor <> descendant;

-- Overdue starts without "as known at": a project stops being a candidate on the first of its construction start,
-- termination or abandonment (open_until; 'infinity' while none happened); the ranking reads, from this index alone,
-- only the signed projects still open at the period's end.
ALTER TABLE views_project ADD COLUMN open_until DATE
    GENERATED ALWAYS AS (COALESCE(LEAST(construction_on, terminated_on, abandoned_on), DATE 'infinity')) STORED;
CREATE INDEX views_project_open_signed ON views_project (open_until, signed_on) INCLUDE (unit_id)
    WHERE signed_on IS NOT NULL AND signed_recorded_at IS NOT NULL;
