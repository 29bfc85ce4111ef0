-- Conversion (issue 8): the cohort's verified capital without reading every arrival. Each project keeps the sum of its
-- verified arrivals per currency (the arrival's currency, as the conversion counts it) and the latest date among
-- them; the conversion takes a project's totals when that date is within the period, and reads the arrivals of the
-- other projects only. Kept by the "leader-views" processing group (LeaderViewsProjection) from views_capital_arrival.
SET LOCAL statement_timeout = 0;

ALTER TABLE views_project
    ADD COLUMN verified_cny   NUMERIC(22, 2) NOT NULL DEFAULT 0,
    ADD COLUMN verified_usd   NUMERIC(22, 2) NOT NULL DEFAULT 0,
    ADD COLUMN verified_until DATE;

UPDATE views_project p
SET verified_cny = s.cny, verified_usd = s.usd, verified_until = s.until
FROM (SELECT project_id,
             COALESCE(SUM(verified_amount) FILTER (WHERE currency = 'CNY'), 0) AS cny,
             COALESCE(SUM(verified_amount) FILTER (WHERE currency = 'USD'), 0) AS usd,
             MAX(occurred_on) AS until
      FROM views_capital_arrival WHERE verified_amount IS NOT NULL GROUP BY project_id) s
WHERE p.project_id = s.project_id;

-- The cohort of a period (projects signed in it) read by signing date from this index alone, with every column the
-- conversion needs.
CREATE INDEX views_project_signed_cohort ON views_project (signed_on)
    INCLUDE (unit_id, project_id, industry_code, registered_on, land_on, construction_on, production_on, terminated_on,
             contract_amount, contract_currency, verified_cny, verified_usd, verified_until)
    WHERE signed_on IS NOT NULL;
